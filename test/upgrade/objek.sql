-- Every object of the dtks extension and everything hanging off it, one line each:
--   kind <tab> identity <tab> definition
-- sorted, so that the output of an upgraded database and of a fresh install can be
-- compared with diff.  Run by scripts/test-upgrade with psql -X -At -f.  Names are
-- printed schema-qualified (the path is pg_catalog only); OIDs never appear.
SET search_path = pg_catalog, pg_temp;

-- The extension's member objects (pg_depend deptype 'e').
CREATE TEMP TABLE anggota AS
SELECT d.classid, d.objid
  FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
 WHERE d.refclassid = 'pg_extension'::regclass AND e.extname = 'dtks' AND d.deptype = 'e';

-- Member relations (tables, views, sequences, materialized views, composite types).
CREATE TEMP TABLE relasi AS
SELECT c.oid, c.relname FROM pg_class c JOIN anggota a ON a.classid = 'pg_class'::regclass AND a.objid = c.oid;

-- Text on one line.
CREATE FUNCTION pg_temp.satu(t text) RETURNS text LANGUAGE sql IMMUTABLE
    AS $$SELECT replace(replace(coalesce(t, '<null>'), E'\\', E'\\\\'), E'\n', E'\\n')$$;

CREATE TEMP TABLE baris (jenis text, nama text, isi text);

-- Every member, by its catalog identity: nothing extra, nothing missing.
INSERT INTO baris
SELECT 'anggota', i.type || ' ' || i.identity, ''
  FROM anggota a, pg_identify_object(a.classid, a.objid, 0) i;

-- The extension itself: version, what it requires, the tables its dumps keep.
INSERT INTO baris
SELECT 'ekstensi', e.extname, e.extversion || ' relocatable=' || e.extrelocatable || ' schema=' || e.extnamespace::regnamespace
  FROM pg_extension e WHERE e.extname = 'dtks';
INSERT INTO baris
SELECT 'ekstensi perlu', r.extname, ''
  FROM pg_depend d JOIN pg_extension e ON e.oid = d.objid JOIN pg_extension r ON r.oid = d.refobjid
 WHERE d.classid = 'pg_extension'::regclass AND d.refclassid = 'pg_extension'::regclass AND e.extname = 'dtks';
INSERT INTO baris
SELECT 'config_dump', c.conf::regclass::text, coalesce(e.extcondition[c.n], '<none>')
  FROM pg_extension e, unnest(e.extconfig) WITH ORDINALITY AS c(conf, n)
 WHERE e.extname = 'dtks';

-- The schema: owner, privileges, comment.
INSERT INTO baris
SELECT 'skema', n.nspname, 'owner=' || n.nspowner::regrole || ' acl=' || coalesce(n.nspacl::text, '<default>')
       || ' comment=' || pg_temp.satu(obj_description(n.oid, 'pg_namespace'))
  FROM pg_namespace n WHERE n.nspname = 'dtks';

-- Functions, procedures and aggregates: the whole definition, privileges, comment.
INSERT INTO baris
SELECT 'fungsi', p.oid::regprocedure::text,
       pg_temp.satu(CASE WHEN p.prokind = 'a' THEN
                'aggregate sfunc=' || g.aggtransfn::regprocedure || ' stype=' || format_type(g.aggtranstype, NULL)
                || ' final=' || g.aggfinalfn::text || ' combine=' || g.aggcombinefn::text
                || ' serial=' || g.aggserialfn::text || ' deserial=' || g.aggdeserialfn::text
                || ' init=' || coalesce(g.agginitval, '<null>') || ' kind=' || g.aggkind::text
                || ' parallel=' || p.proparallel::text
            ELSE pg_get_functiondef(p.oid) END)
       || ' owner=' || p.proowner::regrole || ' acl=' || coalesce(p.proacl::text, '<default>')
       || ' comment=' || pg_temp.satu(obj_description(p.oid, 'pg_proc'))
  FROM pg_proc p JOIN anggota a ON a.classid = 'pg_proc'::regclass AND a.objid = p.oid
  LEFT JOIN pg_aggregate g ON g.aggfnoid = p.oid;

-- Types: every property the type system reads, domain constraints, enum labels.
INSERT INTO baris
SELECT 'tipe', format_type(t.oid, NULL),
       'type=' || t.typtype::text || ' len=' || t.typlen || ' byval=' || t.typbyval || ' align=' || t.typalign::text
       || ' storage=' || t.typstorage::text || ' category=' || t.typcategory::text || ' preferred=' || t.typispreferred
       || ' delim=' || t.typdelim::text || ' in=' || t.typinput::text || ' out=' || t.typoutput::text
       || ' recv=' || t.typreceive::text || ' send=' || t.typsend::text || ' modin=' || t.typmodin::text
       || ' modout=' || t.typmodout::text || ' analyze=' || t.typanalyze::text
       || ' subscript=' || t.typsubscript::text || ' elem=' || t.typelem::regtype
       || ' array=' || t.typarray::regtype || ' base=' || t.typbasetype::regtype
       || ' notnull=' || t.typnotnull || ' default=' || coalesce(t.typdefault, '<none>')
       || ' collation=' || t.typcollation || ' owner=' || t.typowner::regrole
       || ' acl=' || coalesce(t.typacl::text, '<default>')
       || ' labels=' || coalesce((SELECT string_agg(l.enumlabel, ',' ORDER BY l.enumsortorder)
                                   FROM pg_enum l WHERE l.enumtypid = t.oid), '')
       || ' checks=' || coalesce((SELECT string_agg(k.conname || ':' || pg_get_constraintdef(k.oid), ';' ORDER BY k.conname)
                                   FROM pg_constraint k WHERE k.contypid = t.oid), '')
       || ' comment=' || pg_temp.satu(obj_description(t.oid, 'pg_type'))
  FROM pg_type t JOIN anggota a ON a.classid = 'pg_type'::regclass AND a.objid = t.oid;

-- Operators.
INSERT INTO baris
SELECT 'operator', o.oid::regoperator::text,
       'result=' || o.oprresult::regtype || ' code=' || o.oprcode::text || ' com=' || o.oprcom::regoperator::text
       || ' neg=' || o.oprnegate::regoperator::text || ' rest=' || o.oprrest::text || ' join=' || o.oprjoin::text
       || ' merge=' || o.oprcanmerge || ' hash=' || o.oprcanhash || ' owner=' || o.oprowner::regrole
       || ' comment=' || pg_temp.satu(obj_description(o.oid, 'pg_operator'))
  FROM pg_operator o JOIN anggota a ON a.classid = 'pg_operator'::regclass AND a.objid = o.oid;

-- Operator classes and families with their operators and support functions.
INSERT INTO baris
SELECT 'opclass', m.amname || ' ' || c.opcnamespace::regnamespace || '.' || c.opcname,
       'type=' || c.opcintype::regtype || ' default=' || c.opcdefault || ' key=' || c.opckeytype::regtype
       || ' family=' || f.opfnamespace::regnamespace || '.' || f.opfname
       || ' comment=' || pg_temp.satu(obj_description(c.oid, 'pg_opclass'))
  FROM pg_opclass c JOIN anggota a ON a.classid = 'pg_opclass'::regclass AND a.objid = c.oid
  JOIN pg_am m ON m.oid = c.opcmethod JOIN pg_opfamily f ON f.oid = c.opcfamily;
INSERT INTO baris
SELECT 'opfamily', m.amname || ' ' || f.opfnamespace::regnamespace || '.' || f.opfname,
       'ops=' || coalesce((SELECT string_agg(o.amopstrategy || ':' || o.amoplefttype::regtype || ',' || o.amoprighttype::regtype
                                          || ':' || o.amopopr::regoperator || ':' || o.amoppurpose::text || ':' || o.amopsortfamily,
                                          ' ' ORDER BY o.amopstrategy, o.amoplefttype::regtype::text, o.amoprighttype::regtype::text)
                             FROM pg_amop o WHERE o.amopfamily = f.oid), '')
       || ' procs=' || coalesce((SELECT string_agg(p.amprocnum || ':' || p.amproclefttype::regtype || ',' || p.amprocrighttype::regtype
                                              || ':' || p.amproc::regprocedure,
                                              ' ' ORDER BY p.amprocnum, p.amproclefttype::regtype::text, p.amprocrighttype::regtype::text)
                                 FROM pg_amproc p WHERE p.amprocfamily = f.oid), '')
       || ' comment=' || pg_temp.satu(obj_description(f.oid, 'pg_opfamily'))
  FROM pg_opfamily f JOIN anggota a ON a.classid = 'pg_opfamily'::regclass AND a.objid = f.oid
  JOIN pg_am m ON m.oid = f.opfmethod;

-- Casts.
INSERT INTO baris
SELECT 'cast', c.castsource::regtype || ' -> ' || c.casttarget::regtype,
       'func=' || c.castfunc::regprocedure::text || ' context=' || c.castcontext::text || ' method=' || c.castmethod::text
       || ' comment=' || pg_temp.satu(obj_description(c.oid, 'pg_cast'))
  FROM pg_cast c JOIN anggota a ON a.classid = 'pg_cast'::regclass AND a.objid = c.oid;

-- Relations: kind, options, row-level security, privileges, comment, view definitions.
INSERT INTO baris
SELECT 'relasi', c.oid::regclass::text,
       'kind=' || c.relkind::text || ' persistence=' || c.relpersistence::text || ' options=' || coalesce(c.reloptions::text, '')
       || ' rls=' || c.relrowsecurity || ' force_rls=' || c.relforcerowsecurity || ' replident=' || c.relreplident::text
       || ' owner=' || c.relowner::regrole || ' acl=' || coalesce(c.relacl::text, '<default>')
       || ' partition=' || coalesce(pg_get_partkeydef(c.oid), '') || ' bound=' || coalesce(pg_get_expr(c.relpartbound, c.oid), '')
       || ' inherits=' || coalesce((SELECT string_agg(i.inhparent::regclass::text, ',' ORDER BY i.inhseqno)
                                     FROM pg_inherits i WHERE i.inhrelid = c.oid), '')
       || ' comment=' || pg_temp.satu(obj_description(c.oid, 'pg_class'))
       || CASE WHEN c.relkind IN ('v', 'm') THEN ' view=' || pg_temp.satu(pg_get_viewdef(c.oid, true)) ELSE '' END
  FROM pg_class c JOIN relasi r ON r.oid = c.oid;

-- Columns in their logical order (dropped columns left out): type, nullability,
-- default, identity, generation, collation, storage, privileges, comment.
INSERT INTO baris
SELECT 'kolom', c.oid::regclass || '.' || t.attname,
       'pos=' || row_number() OVER (PARTITION BY t.attrelid ORDER BY t.attnum)
       || ' type=' || format_type(t.atttypid, t.atttypmod) || ' notnull=' || t.attnotnull
       || ' default=' || coalesce(pg_get_expr(d.adbin, d.adrelid), '<none>')
       || ' identity=' || t.attidentity::text || ' generated=' || t.attgenerated::text
       || ' collation=' || coalesce((SELECT l.collname FROM pg_collation l WHERE l.oid = t.attcollation), '')
       || ' storage=' || t.attstorage::text || ' stats=' || t.attstattarget
       || ' acl=' || coalesce(t.attacl::text, '') || ' comment=' || pg_temp.satu(col_description(c.oid, t.attnum))
  FROM pg_class c JOIN relasi r ON r.oid = c.oid
  JOIN pg_attribute t ON t.attrelid = c.oid AND t.attnum > 0 AND NOT t.attisdropped
  LEFT JOIN pg_attrdef d ON d.adrelid = t.attrelid AND d.adnum = t.attnum;

-- Sequences: parameters and the column that owns them.
INSERT INTO baris
SELECT 'sequence', s.seqrelid::regclass::text,
       'type=' || s.seqtypid::regtype || ' start=' || s.seqstart || ' inc=' || s.seqincrement || ' max=' || s.seqmax
       || ' min=' || s.seqmin || ' cache=' || s.seqcache || ' cycle=' || s.seqcycle
       || ' owned_by=' || coalesce((SELECT d.refobjid::regclass || '.' || a.attname FROM pg_depend d
                                      JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                                     WHERE d.classid = 'pg_class'::regclass AND d.objid = s.seqrelid
                                       AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')), '')
  FROM pg_sequence s JOIN relasi r ON r.oid = s.seqrelid;

-- Constraints of member tables.
INSERT INTO baris
SELECT 'constraint', k.conrelid::regclass || ' ' || k.conname,
       pg_temp.satu(pg_get_constraintdef(k.oid)) || ' comment=' || pg_temp.satu(obj_description(k.oid, 'pg_constraint'))
  FROM pg_constraint k JOIN relasi r ON r.oid = k.conrelid;

-- Indexes of member tables (constraint indexes included).
INSERT INTO baris
SELECT 'index', i.indexrelid::regclass::text,
       pg_temp.satu(pg_get_indexdef(i.indexrelid)) || ' options=' || coalesce(x.reloptions::text, '')
       || ' comment=' || pg_temp.satu(obj_description(i.indexrelid, 'pg_class'))
  FROM pg_index i JOIN relasi r ON r.oid = i.indrelid JOIN pg_class x ON x.oid = i.indexrelid;

-- Triggers of member tables (not the internal ones behind foreign keys).
INSERT INTO baris
SELECT 'trigger', g.tgrelid::regclass || ' ' || g.tgname,
       pg_temp.satu(pg_get_triggerdef(g.oid)) || ' enabled=' || g.tgenabled::text
       || ' comment=' || pg_temp.satu(obj_description(g.oid, 'pg_trigger'))
  FROM pg_trigger g JOIN relasi r ON r.oid = g.tgrelid WHERE NOT g.tgisinternal;

-- Row-level security policies.
INSERT INTO baris
SELECT 'policy', p.polrelid::regclass || ' ' || p.polname,
       'cmd=' || p.polcmd::text || ' permissive=' || p.polpermissive
       || ' roles=' || (SELECT string_agg(CASE WHEN x = 0 THEN 'public' ELSE x::regrole::text END, ',' ORDER BY 1)
                          FROM unnest(p.polroles) x)
       || ' using=' || pg_temp.satu(pg_get_expr(p.polqual, p.polrelid))
       || ' check=' || pg_temp.satu(pg_get_expr(p.polwithcheck, p.polrelid))
       || ' comment=' || pg_temp.satu(obj_description(p.oid, 'pg_policy'))
  FROM pg_policy p JOIN relasi r ON r.oid = p.polrelid;

-- Rules other than a view's own.
INSERT INTO baris
SELECT 'rule', w.ev_class::regclass || ' ' || w.rulename, pg_temp.satu(pg_get_ruledef(w.oid))
  FROM pg_rewrite w JOIN relasi r ON r.oid = w.ev_class WHERE w.rulename <> '_RETURN';

-- Extended statistics.
INSERT INTO baris
SELECT 'statistics', s.stxnamespace::regnamespace || '.' || s.stxname, pg_temp.satu(pg_get_statisticsobjdef(s.oid))
  FROM pg_statistic_ext s JOIN relasi r ON r.oid = s.stxrelid;

-- Event triggers.
INSERT INTO baris
SELECT 'event_trigger', e.evtname, e.evtevent || ' ' || e.evtfoid::regprocedure || ' ' || coalesce(e.evttags::text, '')
       || ' enabled=' || e.evtenabled::text
  FROM pg_event_trigger e JOIN anggota a ON a.classid = 'pg_event_trigger'::regclass AND a.objid = e.oid;

SELECT jenis || E'\t' || nama || E'\t' || isi FROM baris ORDER BY jenis, nama, isi;
