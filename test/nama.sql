-- pgTAP: dtks.nama_kunci, the matching key of Indonesian names: the pairs that must meet and the pairs that must
-- not (one person written two ways; two people), and the 1.0 rules kept under the 1.0 C symbol.
\ir lib/awal.psql

CREATE TEMP TABLE pasangan (a text, b text, sama boolean, aturan text);
INSERT INTO pasangan VALUES
    -- kept from 1.0
    ('H. Muhammad Soeharto, S.Pd.', 'MOCHAMAD SUHARTO', true, 'titles, degrees after a comma, Muhammad, oe'),
    ('Drs. Djoko Tjahjono', 'Joko Cahyono', true, 'old spelling dj, tj, j'),
    ('Tanjung', 'Tandjung', true, 'old dj'),
    ('Njoman', 'Nyoman', true, 'nj at the start'),
    ('Soenjoto', 'Sunyoto', true, 'nj after another mark'),
    ('Budi Santoso', 'Budi Susanto', false, 'two people'),
    ('Tanjung', 'Tanyung', false, 'nj of today'),
    -- the regression: u written oe in today's Tanjung
    ('Tanjoeng', 'Tanjung', true, 'oe after nj'),
    ('Tandjoeng', 'Tanjung', true, 'old dj and oe'),
    ('Tanjoeng', 'Tandjoeng', true, 'both old forms'),
    ('Tanjoeng', 'Tanyung', false, 'oe after nj is not the old ny'),
    -- j for y without another mark: the Arabic names written today only with y, and hj
    ('Jusuf', 'Yusuf', true, 'j_lama'),
    ('Joesoef', 'Yusuf', true, 'j_lama once oe is read'),
    ('Joenoes', 'Yunus', true, 'j_lama once oe is read'),
    ('Joened', 'Juned', true, 'a j before every mark stays: today''s Juned with u written oe'),
    ('Joemadi', 'Jumadi', true, 'a j before every mark stays'),
    ('Simanjoentak', 'Simanjuntak', true, 'an nj before every mark stays'),
    ('Soedjono', 'Sujono', true, 'dj after oe'),
    ('Soejono', 'Suyono', true, 'j after oe is y (1.0 pinned)'),
    ('Joewono', 'Yuwono', false, 'a j before every mark stays (the price of Joened = Juned)'),
    ('Junus', 'Yunus', true, 'j_lama'),
    ('Jakub', 'Yakub', true, 'j_lama'),
    ('Jasin', 'Yasin', true, 'j_lama'),
    ('Jahja', 'Yahya', true, 'hj inside a word'),
    ('Wahju', 'Wahyu', true, 'hj inside a word'),
    ('Wahju Hidajat', 'Wahyu Hidayat', false, 'Hidajat has no mark of its own: its j stays (a mark elsewhere in the name does not count, or Soeharto Joko would key as YOKO)'),
    ('Joko', 'Yoko', false, 'j of today'),
    ('Jaya', 'Yaya', false, 'j of today'),
    ('Jakobus', 'Yakobus', false, 'j of today (1.0 pinned)'),
    ('Juned', 'Yuned', false, 'j of today'),
    ('Joko', 'Djoko', true, 'dj'),
    -- degrees
    ('Siti Aminah A.Md.Kep.', 'Siti Aminah', true, 'A.Md.*'),
    ('Siti Aminah, A.Md.Keb', 'Siti Aminah', true, 'after a comma'),
    ('Rina S.Tr.Kes.', 'Rina', true, 'S.Tr.*'),
    ('dr. Ratna Sp.OG(K)', 'Ratna', true, 'Sp.* with (K)'),
    ('Andi S.Th', 'Andi', true, 'S.Th'),
    ('Budi Santoso SE', 'Budi Santoso', true, 'undotted SE at the end'),
    ('Budi Santoso S.Kom M.Si', 'Budi Santoso', true, 'dotted, no comma'),
    ('Budi Santoso SH MH', 'Budi Santoso', true, 'undotted at the end'),
    ('Ahmad S.Pd.I', 'Ahmad', true, 'S.Pd.I'),
    ('Umar Lc. M.A.', 'Umar', true, 'Lc.'),
    ('Prof. Dr. Ir. Bambang', 'Bambang', true, 'titles'),
    ('A.P. Sitorus', 'Sitorus', false, 'initials A.P. kept'),
    ('Fachrul Razi AR', 'Fachrul Razi', false, 'trailing initials kept'),
    ('Jack Ma', 'Jack', false, 'Ma is a name'),
    -- religious and customary titles
    ('Pdt. Yohanes Nenobais', 'Yohanes Nenobais', true, 'Pdt.'),
    ('Ustadz Abdul Somad', 'Ust. Abdul Somad', true, 'Ust., Ustadz'),
    ('Sr. Maria', 'Maria', true, 'Sr.'),
    ('Pastor Yohanes', 'Yohanes', true, 'Pastor'),
    ('Romo Yohanes', 'Yohanes', true, 'Romo'),
    ('Kyai Haji Hasyim', 'K.H. Hasyim', true, 'Kyai, K.H.'),
    ('Tuan Guru Haji Zainul', 'TGH Zainul', true, 'Tuan Guru, TGH'),
    ('Raden Ajeng Kartini', 'Kartini', true, 'Raden Ajeng'),
    ('R.M. Said', 'Raden Mas Said', true, 'R.M., Raden Mas'),
    ('R. Said', 'Said', false, 'a single initial is kept'),
    ('Habib Ali', 'Ali', false, 'Habib is kept (a given name too)'),
    ('Ida Bagus Made', 'Made', false, 'Balinese caste name kept'),
    ('Ni Luh Putu', 'Putu', false, 'Balinese name kept'),
    ('Teuku Umar', 'Umar', false, 'Teuku kept'),
    ('Cut Nyak Dien', 'Nyak Dien', false, 'Cut kept'),
    ('Andi Mappanyukki', 'Mappanyukki', false, 'Andi kept'),
    -- Ahmad and Muhammad
    ('Achmad Fauzi', 'Ahmad Fauzi', true, 'Achmad'),
    ('Akhmad Fauzi', 'Ahmad Fauzi', true, 'Akhmad'),
    ('Ahmat Fauzi', 'Ahmad Fauzi', true, 'Ahmat'),
    ('Achmat Fauzi', 'Ahmad Fauzi', true, 'Achmat'),
    ('Amad Fauzi', 'Ahmad Fauzi', true, 'Amad'),
    ('Ahmed Fauzi', 'Ahmad Fauzi', true, 'Ahmed'),
    ('Ahmadi', 'Ahmad', false, 'Ahmadi is another name'),
    ('Mochammad Ali', 'Muhammad Ali', true, 'Mochammad'),
    ('Mhd. Ali', 'Muhammad Ali', true, 'Mhd.'),
    ('Mochd. Ali', 'Muhammad Ali', true, 'Mochd.'),
    ('Muh. Ali', 'Muhammad Ali', true, 'Muh.'),
    ('Mukhamad Ali', 'Muhammad Ali', true, 'Mukhamad'),
    ('Ali M.', 'Ali Muhammad', false, 'M. only as the first word');

SELECT plan((SELECT count(*)::int FROM pasangan) + 4);

SELECT is(nama_kunci(a) = nama_kunci(b), sama,
          format('%s %s %s (%s)', a, CASE WHEN sama THEN '=' ELSE '<>' END, b, aturan))
  FROM pasangan;

-- The 1.0 rules, frozen under the C symbol a database at 1.0 declares (its stored keys were made by them).
CREATE FUNCTION pg_temp.nama_kunci_10(text) RETURNS text AS '$libdir/dtks', 'nama_kunci'
    LANGUAGE C IMMUTABLE STRICT;
SELECT is(pg_temp.nama_kunci_10('Tanjoeng'), 'TANYUNG', 'the 1.0 symbol keeps the 1.0 rules (Tanjoeng)');
SELECT is(pg_temp.nama_kunci_10('Budi Santoso SE'), 'BUDI SANTOSO SE', 'the 1.0 symbol keeps the 1.0 rules (SE)');
SELECT is((SELECT prosrc FROM pg_proc WHERE oid = 'dtks.nama_kunci(text)'::regprocedure), 'nama_kunci_11',
          'dtks.nama_kunci runs the 1.1 rules');
SELECT is(nama_kunci(repeat('Ab ', 5000)), rtrim(repeat('AB ', 5000)), 'a name of 5,000 words');

SELECT * FROM finish();
ROLLBACK;
