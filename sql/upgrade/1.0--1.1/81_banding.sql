-- 1.1: the comparison kernel (sql/install/80_banding.sql, the same text).

CREATE FUNCTION dtks.jaro_winkler(a text, b text) RETURNS double precision
    AS 'MODULE_PATHNAME', 'jaro_winkler' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.jaro_winkler(text, text) IS
    'Jaro-Winkler similarity of two strings in [0, 1], on characters: Jaro (matches within half the longer length less one, half the out-of-order matches as transpositions) plus 0.1 per common prefix character (at most 4) of what is left to 1; 1 for two empty strings; strings of more than 255 characters are refused (54000)';

CREATE FUNCTION dtks.damerau_levenshtein(a text, b text) RETURNS integer
    AS 'MODULE_PATHNAME', 'damerau_levenshtein' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.damerau_levenshtein(text, text) IS
    'Optimal string alignment distance of two strings, on characters: the fewest insertions, deletions, substitutions and swaps of two adjacent characters (a swapped pair not edited again); strings of more than 255 characters are refused (54000)';

CREATE FUNCTION dtks.nama_banding(a text, b text) RETURNS double precision
    AS 'MODULE_PATHNAME', 'nama_banding' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nama_banding(text, text) IS
    'Similarity in [0, 1] of two name keys (dtks.nama_kunci) word by word, order free: the words paired one to one to maximise the sum S of pair scores (1 equal, 0.9 a one-letter initial and a word starting with it, else Jaro-Winkler when at least 0.8, no pair below); with P pairs and U words left unpaired the result is 2S / (2P + 0.5U), so a dropped word costs less than a wrong one; when only one key has BIN or BINTI (with the father''s name after it), 0.95 of the comparison of the words before it counts if higher; 1 for two keys without words, 0 when one has none; keys of more than 255 characters or 12 words are refused (54000)';

CREATE FUNCTION dtks.nik_banding(diketik text, nik dtks.nik) RETURNS text
    AS 'MODULE_PATHNAME', 'nik_banding' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nik_banding(text, dtks.nik) IS
    'The class of the difference of a typed NIK (its digits; anything else typed is skipped) from a real one: sama, satu_digit (one digit wrong), tukar_berdekatan (two adjacent digits swapped), tanggal_bulan_tertukar (day and month fields, digits 7-8 and 9-10, swapped as typed or with the female +40 moved to the new day), digit_hilang (a digit dropped), digit_lebih (a digit added), kosong (no digit), lain';

CREATE FUNCTION dtks.nik_jarak(diketik text, nik dtks.nik) RETURNS integer
    AS 'MODULE_PATHNAME', 'nik_jarak' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nik_jarak(text, dtks.nik) IS
    'Optimal string alignment distance of the digits of a typed NIK (anything else typed is skipped) from the 16 digits of a real one';

CREATE FUNCTION dtks.nik_kunci_sekitar(teks text) RETURNS text[]
    AS 'MODULE_PATHNAME', 'nik_kunci_sekitar' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nik_kunci_sekitar(text) IS
    'Keys of the neighbourhood of the digits of a text (anything else skipped), for a GIN index: a typed NIK and a real one of any class of dtks.nik_banding but lain and kosong share a key.  16 digits: the digits, with one position written _ (16 keys), two adjacent ones (15), digits 7-10, and with one digit deleted (16); 15 digits: the digits; 17: with one digit deleted (17); otherwise none';
