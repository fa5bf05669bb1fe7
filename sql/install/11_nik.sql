-- Type dtks.nik: Nomor Induk Kependudukan (16 digits, 8 bytes, by value).

CREATE TYPE dtks.nik;

CREATE FUNCTION dtks.nik_in(cstring) RETURNS dtks.nik
    AS 'MODULE_PATHNAME', 'nik_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nik_in(cstring) IS 'Input of nik: 16 digits, checked structurally (region, date, serial)';

CREATE FUNCTION dtks.nik_out(dtks.nik) RETURNS cstring
    AS 'MODULE_PATHNAME', 'identitas_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nik_out(dtks.nik) IS 'Output of nik: its 16 digits';

CREATE FUNCTION dtks.nik_recv(internal) RETURNS dtks.nik
    AS 'MODULE_PATHNAME', 'nik_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nik_recv(internal) IS 'Binary input of nik (an int8), validated like text input';

CREATE FUNCTION dtks.nik_send(dtks.nik) RETURNS bytea
    AS 'int8send' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nik_send(dtks.nik) IS 'Binary output of nik: an int8 (int8send)';

CREATE TYPE dtks.nik (
    INPUT = dtks.nik_in,
    OUTPUT = dtks.nik_out,
    RECEIVE = dtks.nik_recv,
    SEND = dtks.nik_send,
    LIKE = pg_catalog.int8
);
COMMENT ON TYPE dtks.nik IS
    'Nomor Induk Kependudukan: 16 digits PPKKCC DDMMYY NNNN (day +40 for women), validated structurally; personal data';

CREATE FUNCTION dtks.nik(bigint) RETURNS dtks.nik
    AS 'MODULE_PATHNAME', 'nik_dari_bigint' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nik(bigint) IS 'Cast bigint to nik, validated like text input';

CREATE CAST (text AS dtks.nik) WITH INOUT;
COMMENT ON CAST (text AS dtks.nik) IS 'Parse and validate a NIK';
CREATE CAST (dtks.nik AS text) WITH INOUT;
COMMENT ON CAST (dtks.nik AS text) IS 'The 16 digits of a NIK';
CREATE CAST (dtks.nik AS bigint) WITHOUT FUNCTION;
COMMENT ON CAST (dtks.nik AS bigint) IS 'A NIK as the number its digits spell';
CREATE CAST (bigint AS dtks.nik) WITH FUNCTION dtks.nik(bigint);
COMMENT ON CAST (bigint AS dtks.nik) IS 'A number as a NIK, validated like text input';

CREATE FUNCTION dtks.nik_valid(text) RETURNS boolean
    AS 'MODULE_PATHNAME', 'nik_valid' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nik_valid(text) IS 'Would the text be accepted as a nik? Never raises';

CREATE FUNCTION dtks.nik_alasan(text) RETURNS text
    AS 'MODULE_PATHNAME', 'nik_alasan' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nik_alasan(text) IS
    'NULL for a valid NIK, else the first failing rule in this order: panjang, bukan_angka, provinsi, kabkota, kecamatan, tanggal (day field), bulan, tanggal (day not in month), nomor_urut. Never raises';

CREATE FUNCTION dtks.nik_kode_wilayah(dtks.nik) RETURNS dtks.kode_wilayah
    AS 'MODULE_PATHNAME', 'identitas_kode_wilayah' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nik_kode_wilayah(dtks.nik) IS
    'The kecamatan of first registration (digits 1-6), e.g. 31.71.01; not the current address';

CREATE FUNCTION dtks.nik_jenis_kelamin(dtks.nik) RETURNS text
    AS 'MODULE_PATHNAME', 'nik_jenis_kelamin' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nik_jenis_kelamin(dtks.nik) IS 'Sex encoded in the NIK: L (day field 01-31) or P (41-71)';

CREATE FUNCTION dtks.nik_nomor_urut(dtks.nik) RETURNS integer
    AS 'MODULE_PATHNAME', 'nik_nomor_urut' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nik_nomor_urut(dtks.nik) IS 'Serial number of the NIK (digits 13-16)';

CREATE FUNCTION dtks.nik_tanggal_lahir(dtks.nik, acuan date) RETURNS date
    AS 'MODULE_PATHNAME', 'nik_tanggal_lahir' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.nik_tanggal_lahir(dtks.nik, date) IS
    'Birth date in the NIK, its century chosen so that it is the latest such date not after acuan';

CREATE FUNCTION dtks.nik_tanggal_lahir(nik dtks.nik) RETURNS date
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN dtks.nik_tanggal_lahir(nik, CURRENT_DATE);
COMMENT ON FUNCTION dtks.nik_tanggal_lahir(dtks.nik) IS
    'Birth date in the NIK, the latest such date not after today (stable: depends on the current date)';
