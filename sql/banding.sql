-- The comparison kernel: its results on name keys and typed NIKs, and the messages of its length caps.
SET search_path = dtks, public;
SELECT a, b, round(jaro_winkler(a, b)::numeric, 4) AS jw, damerau_levenshtein(a, b) AS osa,
       round(nama_banding(a, b)::numeric, 4) AS nama
  FROM (VALUES ('MARTHA', 'MARHTA'), ('DWAYNE', 'DUANE'), ('DIXON', 'DICKSONX'), ('CA', 'ABC'),
               ('BUDI SANTOSO', 'BUDI'), ('BUDI SANTOSO', 'SANTOSO BUDI'), ('BUDI SANTOSO', 'BUDI HARTONO'),
               ('M RIZKI', 'MUHAMAD RIZKI'), ('SITI AMINAH', 'SITI AMINAH BINTI SALEH'), ('', ''), ('', 'A')) AS v(a, b);
SELECT diketik, nik_banding(diketik, '3171015708450001') AS kelas, nik_jarak(diketik, '3171015708450001') AS jarak
  FROM (VALUES ('3171015708450001'), ('3171015708450007'), ('3171015708450010'), ('3171010857450001'),
               ('3171014817450001'), ('317101570845001'), ('31710157084500011'), (''), ('0812-3456-789')) AS v(diketik);
SELECT jaro_winkler(repeat('X', 256), 'X');
SELECT damerau_levenshtein('X', repeat('é', 256));
SELECT nama_banding('A', repeat('X', 300));
SELECT nama_banding('A B C D E F G H I J K L M', 'A');
