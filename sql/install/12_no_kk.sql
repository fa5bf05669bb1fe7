-- Type dtks.no_kk: nomor Kartu Keluarga (16 digits, 8 bytes, by value).

CREATE TYPE dtks.no_kk;

CREATE FUNCTION dtks.no_kk_in(cstring) RETURNS dtks.no_kk
    AS 'MODULE_PATHNAME', 'no_kk_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.no_kk_in(cstring) IS 'Input of no_kk: 16 digits with a valid issuing kecamatan';

CREATE FUNCTION dtks.no_kk_out(dtks.no_kk) RETURNS cstring
    AS 'MODULE_PATHNAME', 'identitas_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.no_kk_out(dtks.no_kk) IS 'Output of no_kk: its 16 digits';

CREATE FUNCTION dtks.no_kk_recv(internal) RETURNS dtks.no_kk
    AS 'MODULE_PATHNAME', 'no_kk_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.no_kk_recv(internal) IS 'Binary input of no_kk (an int8), validated like text input';

CREATE FUNCTION dtks.no_kk_send(dtks.no_kk) RETURNS bytea
    AS 'int8send' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.no_kk_send(dtks.no_kk) IS 'Binary output of no_kk: an int8 (int8send)';

CREATE TYPE dtks.no_kk (
    INPUT = dtks.no_kk_in,
    OUTPUT = dtks.no_kk_out,
    RECEIVE = dtks.no_kk_recv,
    SEND = dtks.no_kk_send,
    LIKE = pg_catalog.int8
);
COMMENT ON TYPE dtks.no_kk IS
    'Nomor Kartu Keluarga: 16 digits, the first 6 the issuing kecamatan (digits 7-12 believed DDMMYY, 13-16 a serial: unconfirmed, so only warned about)';

CREATE FUNCTION dtks.no_kk(bigint) RETURNS dtks.no_kk
    AS 'MODULE_PATHNAME', 'no_kk_dari_bigint' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.no_kk(bigint) IS 'Cast bigint to no_kk, validated like text input';

CREATE CAST (text AS dtks.no_kk) WITH INOUT;
COMMENT ON CAST (text AS dtks.no_kk) IS 'Parse and validate a KK number';
CREATE CAST (dtks.no_kk AS text) WITH INOUT;
COMMENT ON CAST (dtks.no_kk AS text) IS 'The 16 digits of a KK number';
CREATE CAST (dtks.no_kk AS bigint) WITHOUT FUNCTION;
COMMENT ON CAST (dtks.no_kk AS bigint) IS 'A KK number as the number its digits spell';
CREATE CAST (bigint AS dtks.no_kk) WITH FUNCTION dtks.no_kk(bigint);
COMMENT ON CAST (bigint AS dtks.no_kk) IS 'A number as a KK number, validated like text input';

CREATE FUNCTION dtks.no_kk_valid(text) RETURNS boolean
    AS 'MODULE_PATHNAME', 'no_kk_valid' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.no_kk_valid(text) IS 'Would the text be accepted as a no_kk (warnings do not count)? Never raises';

CREATE FUNCTION dtks.no_kk_alasan(text) RETURNS text
    AS 'MODULE_PATHNAME', 'no_kk_alasan' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.no_kk_alasan(text) IS
    'NULL if clean, else the first finding in this order: panjang, bukan_angka, provinsi, kabkota, kecamatan (these reject), then tanggal, nomor_urut (these only warn). Never raises';

CREATE FUNCTION dtks.no_kk_kode_wilayah(dtks.no_kk) RETURNS dtks.kode_wilayah
    AS 'MODULE_PATHNAME', 'identitas_kode_wilayah' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.no_kk_kode_wilayah(dtks.no_kk) IS 'The issuing kecamatan (digits 1-6) of a KK number';

CREATE FUNCTION dtks.no_kk_tanggal_terbit(dtks.no_kk, acuan date) RETURNS date
    AS 'MODULE_PATHNAME', 'no_kk_tanggal_terbit' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION dtks.no_kk_tanggal_terbit(dtks.no_kk, date) IS
    'Digits 7-12 read as the recording date DDMMYY, the latest such date not after acuan; NULL where they are not a date';

CREATE FUNCTION dtks.no_kk_tanggal_terbit(no_kk dtks.no_kk) RETURNS date
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN dtks.no_kk_tanggal_terbit(no_kk, CURRENT_DATE);
COMMENT ON FUNCTION dtks.no_kk_tanggal_terbit(dtks.no_kk) IS
    'Digits 7-12 read as the recording date, the latest such date not after today; NULL where they are not a date (stable)';
