-- How many counted lines each account has in each month: an account statement's page jumps over
-- whole months with these counts and totals instead of reading every line before the page (a bank
-- account gathers hundreds of thousands of lines in a few years).
alter table account_month add column line_count bigint not null default 0;
update account_month m set line_count = (select count(*) from entry_line l where l.account_id = m.account_id
  and l.counted and l.entry_date >= m.month_start and l.entry_date < m.month_start + interval '1' month);
