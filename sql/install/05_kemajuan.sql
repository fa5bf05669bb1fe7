
-- Progress reports of the long operations (tetapkan, sintetis_muat, hitung_desil, padankan_usulan,
-- kk_komponen): each phase with its rows and time, when dtks.laporan_kemajuan (off, notice, log) asks.

-- Start the progress report of a long operation (C: returns at once while the setting is off).
CREATE FUNCTION dtks.kemajuan_mulai(operasi text, keterangan text DEFAULT NULL) RETURNS void
    AS 'MODULE_PATHNAME', 'kemajuan_mulai_sql' LANGUAGE C VOLATILE PARALLEL RESTRICTED;
COMMENT ON FUNCTION dtks.kemajuan_mulai(text, text) IS
    'Start the clock of a long operation and report "<operasi>: started (<keterangan>)" at the level dtks.laporan_kemajuan asks for (nothing while it is off)';

-- Report a phase of a long operation that ended: its rows, its time and the time since the start.
CREATE FUNCTION dtks.lapor_kemajuan(operasi text, fase text, baris bigint DEFAULT NULL) RETURNS void
    AS 'MODULE_PATHNAME', 'lapor_kemajuan' LANGUAGE C VOLATILE PARALLEL RESTRICTED;
COMMENT ON FUNCTION dtks.lapor_kemajuan(text, text, bigint) IS
    'Report a phase of a long operation that ended, "<operasi>: <fase>: <baris> rows", with its time and the time since dtks.kemajuan_mulai in the detail, at the level dtks.laporan_kemajuan asks for (nothing while it is off)';
