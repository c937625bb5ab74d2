-- Bulk posting on PostgreSQL keeps its foreign keys (checked row by row: the price of a
-- guarantee PostgreSQL keeps itself); these two changes keep the rest cheap as the ledger grows
-- (docs/benchmarks.md).

-- V3's guard against lines added to a frozen entry, with a plan that stays an index lookup per
-- entry however far the table statistics lag behind a bulk load (a scan of entry per batch otherwise).
create or replace function envol_guard_line_into_frozen() returns trigger language plpgsql
set enable_seqscan = off as $$
begin
  if exists (select 1 from entry e where e.id = any(array(select distinct entry_id from new_lines)) and e.status = 'FROZEN') then
    raise exception 'ENVOL_FROZEN: a line cannot be added to a validated (frozen) entry';
  end if;
  return null;
end $$;

-- Only frozen entries have a number and a chain position, only reversals a reversed entry: the
-- unique indexes need not list the others (every posted entry used to add three index entries).
alter table entry drop constraint entry_number_unique,
  drop constraint entry_chain_unique,
  drop constraint entry_reversal_unique;
create unique index entry_number_unique on entry (journal_id, fiscal_year_id, number) where number is not null;
create unique index entry_chain_unique on entry (section_id, chain_seq) where chain_seq is not null;
create unique index entry_reversal_unique on entry (reversal_of) where reversal_of is not null;
