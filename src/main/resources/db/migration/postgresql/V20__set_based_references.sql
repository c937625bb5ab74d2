-- Bulk posting on PostgreSQL. A foreign key is checked with one lookup and one row lock per
-- inserted row: about nine per entry (section, journal and fiscal year of the entry; entry and
-- account of each line; section and entry of each source), which made two thirds of the time of a
-- bulk load (docs/benchmarks.md). These references are now checked once per statement for all the
-- rows it inserts, with what a foreign key guarantees:
--   * an inserted or changed row must refer to existing rows, which stay locked FOR KEY SHARE until
--     commit (as a foreign key locks them), so that no one deletes them meanwhile;
--   * a row that is referred to cannot be deleted, nor its id changed;
--   * deleting an entry deletes its lines (it was ON DELETE CASCADE).
-- A violation raises SQLSTATE 23503 (foreign_key_violation), as the foreign key did. H2 keeps the
-- foreign keys of V1. Low-volume references (accounts, fiscal years, account_month) keep theirs.

alter table entry drop constraint entry_section_id_fkey,
  drop constraint entry_journal_id_fkey,
  drop constraint entry_fiscal_year_id_fkey;
alter table entry_line drop constraint entry_line_entry_id_fkey,
  drop constraint entry_line_account_id_fkey;
alter table entry_source drop constraint entry_source_entry_id_fkey,
  drop constraint entry_source_section_id_fkey;

-- Locks FOR KEY SHARE the rows of parent whose id is in ids (distinct, not null) and fails unless
-- all exist. parent is one of this file's table names, never user input. Always by the primary
-- key: while a bulk load outgrows the statistics, the planner would otherwise read a whole table
-- for a few thousand ids, once per statement.
create function envol_require_rows(parent regclass, ids bigint[], child text) returns void language plpgsql
set enable_seqscan = off as $$
declare
  found bigint;
begin
  if cardinality(ids) = 0 then
    return;
  end if;
  execute format('select count(*) from (select 1 from %s p where p.id = any($1) for key share of p) locked', parent)
    into found using ids;
  if found <> cardinality(ids) then
    raise exception using errcode = 'foreign_key_violation',
      message = format('ENVOL_REFERENCE: %s refers to a missing row of %s', child, parent);
  end if;
end $$;

-- Refuses to delete, or change the id of, a row that is referred to.
create function envol_refuse_if_referred(referred boolean, parent text, id bigint) returns void language plpgsql as $$
begin
  if referred then
    raise exception using errcode = 'foreign_key_violation',
      message = format('ENVOL_REFERENCE: %s %s is referred to and cannot be deleted nor renumbered', parent, id);
  end if;
end $$;

-- ---- entry → section, journal, fiscal_year

create function envol_entry_inserted() returns trigger language plpgsql as $$
begin
  perform envol_require_rows('section', array(select distinct section_id from new_entries), 'entry');
  perform envol_require_rows('journal', array(select distinct journal_id from new_entries), 'entry');
  perform envol_require_rows('fiscal_year', array(select distinct fiscal_year_id from new_entries), 'entry');
  return null;
end $$;
create trigger entry_references_inserted after insert on entry
  referencing new table as new_entries for each statement execute function envol_entry_inserted();

create function envol_entry_references_changed() returns trigger language plpgsql as $$
begin
  perform envol_require_rows('section', array[new.section_id], 'entry');
  perform envol_require_rows('journal', array[new.journal_id], 'entry');
  perform envol_require_rows('fiscal_year', array[new.fiscal_year_id], 'entry');
  return null;
end $$;
create trigger entry_references_changed after update of section_id, journal_id, fiscal_year_id on entry
  for each row when (old.section_id <> new.section_id or old.journal_id <> new.journal_id
                     or old.fiscal_year_id <> new.fiscal_year_id)
  execute function envol_entry_references_changed();

-- ---- entry_line → entry, account

create function envol_line_inserted() returns trigger language plpgsql as $$
begin
  perform envol_require_rows('entry', array(select distinct entry_id from new_lines), 'entry_line');
  perform envol_require_rows('account', array(select distinct account_id from new_lines), 'entry_line');
  return null;
end $$;
create trigger entry_line_references_inserted after insert on entry_line
  referencing new table as new_lines for each statement execute function envol_line_inserted();

create function envol_line_references_changed() returns trigger language plpgsql as $$
begin
  perform envol_require_rows('entry', array[new.entry_id], 'entry_line');
  perform envol_require_rows('account', array[new.account_id], 'entry_line');
  return null;
end $$;
create trigger entry_line_references_changed after update of entry_id, account_id on entry_line
  for each row when (old.entry_id <> new.entry_id or old.account_id <> new.account_id)
  execute function envol_line_references_changed();

-- ---- entry_source → section, entry

create function envol_source_inserted() returns trigger language plpgsql as $$
begin
  perform envol_require_rows('section', array(select distinct section_id from new_sources), 'entry_source');
  perform envol_require_rows('entry', array(select distinct entry_id from new_sources), 'entry_source');
  return null;
end $$;
create trigger entry_source_references_inserted after insert on entry_source
  referencing new table as new_sources for each statement execute function envol_source_inserted();

create function envol_source_references_changed() returns trigger language plpgsql as $$
begin
  perform envol_require_rows('section', array[new.section_id], 'entry_source');
  perform envol_require_rows('entry', array[new.entry_id], 'entry_source');
  return null;
end $$;
create trigger entry_source_references_changed after update of section_id, entry_id on entry_source
  for each row when (old.section_id <> new.section_id or old.entry_id <> new.entry_id)
  execute function envol_source_references_changed();

-- ---- the referred-to side: checked after the row is deleted (or renumbered), as a foreign key
-- does, so that a deletion that waited for a concurrent insertion sees its rows

create function envol_section_referred() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and new.id = old.id then
    return null;
  end if;
  perform envol_refuse_if_referred(exists (select 1 from entry where section_id = old.id)
      or exists (select 1 from entry_source where section_id = old.id), 'section', old.id);
  return null;
end $$;
create trigger section_referred after delete or update of id on section
  for each row execute function envol_section_referred();

create function envol_journal_referred() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and new.id = old.id then
    return null;
  end if;
  perform envol_refuse_if_referred(exists (select 1 from entry where journal_id = old.id), 'journal', old.id);
  return null;
end $$;
create trigger journal_referred after delete or update of id on journal
  for each row execute function envol_journal_referred();

create function envol_fiscal_year_referred() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and new.id = old.id then
    return null;
  end if;
  perform envol_refuse_if_referred(exists (select 1 from entry where fiscal_year_id = old.id), 'fiscal_year', old.id);
  return null;
end $$;
create trigger fiscal_year_referred after delete or update of id on fiscal_year
  for each row execute function envol_fiscal_year_referred();

create function envol_account_referred() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and new.id = old.id then
    return null;
  end if;
  perform envol_refuse_if_referred(exists (select 1 from entry_line where account_id = old.id), 'account', old.id);
  return null;
end $$;
create trigger account_referred after delete or update of id on account
  for each row execute function envol_account_referred();

create function envol_entry_id_changed() returns trigger language plpgsql as $$
begin
  perform envol_refuse_if_referred(exists (select 1 from entry_line where entry_id = old.id)
      or exists (select 1 from entry_source where entry_id = old.id), 'entry', old.id);
  return null;
end $$;
create trigger entry_id_changed after update of id on entry
  for each row when (old.id <> new.id) execute function envol_entry_id_changed();

-- after the row is gone, as the foreign key did: its source must have gone first, its lines go with it
create function envol_entry_deleted() returns trigger language plpgsql as $$
begin
  perform envol_refuse_if_referred(exists (select 1 from entry_source where entry_id = old.id), 'entry', old.id);
  delete from entry_line where entry_id = old.id;
  return null;
end $$;
create trigger entry_deleted after delete on entry
  for each row execute function envol_entry_deleted();

-- TRUNCATE, as a foreign key has it, must take the referring tables along: checked after the
-- command, when every table it names is empty (TRUNCATE … CASCADE no longer reaches them).
create function envol_truncated_alone() returns trigger language plpgsql as $$
declare
  referring text;
  found boolean;
begin
  foreach referring in array tg_argv loop
    execute format('select exists (select 1 from %I)', referring) into found;
    if found then
      raise exception using errcode = 'foreign_key_violation',
        message = format('ENVOL_REFERENCE: %s cannot be truncated without %s, which refers to it', tg_table_name, referring);
    end if;
  end loop;
  return null;
end $$;
create trigger section_truncated after truncate on section
  for each statement execute function envol_truncated_alone('entry', 'entry_source');
create trigger journal_truncated after truncate on journal
  for each statement execute function envol_truncated_alone('entry');
create trigger fiscal_year_truncated after truncate on fiscal_year
  for each statement execute function envol_truncated_alone('entry');
create trigger account_truncated after truncate on account
  for each statement execute function envol_truncated_alone('entry_line');
create trigger entry_truncated after truncate on entry
  for each statement execute function envol_truncated_alone('entry_line', 'entry_source');

-- ---- the guard of V3 against lines added to a frozen entry, with a plan that stays an index
-- lookup per entry however large the table grows
create or replace function envol_guard_line_into_frozen() returns trigger language plpgsql
set enable_seqscan = off as $$
begin
  if exists (select 1 from entry e where e.id = any(array(select distinct entry_id from new_lines)) and e.status = 'FROZEN') then
    raise exception 'ENVOL_FROZEN: a line cannot be added to a validated (frozen) entry';
  end if;
  return null;
end $$;

-- ---- unique numbers, chain positions and reversals: only frozen entries and reversals have them,
-- so the indexes need not list the others (every posted entry used to add three index entries)
alter table entry drop constraint entry_number_unique,
  drop constraint entry_chain_unique,
  drop constraint entry_reversal_unique;
create unique index entry_number_unique on entry (journal_id, fiscal_year_id, number) where number is not null;
create unique index entry_chain_unique on entry (section_id, chain_seq) where chain_seq is not null;
create unique index entry_reversal_unique on entry (reversal_of) where reversal_of is not null;
