-- Year-end closing: the treasurer's confirmation of each bank account's balance at the end of a
-- fiscal year (checked against the bank statement). It records the balance confirmed: if the
-- books' balance at that date changes afterwards, the confirmation no longer counts.
-- One row per fiscal year and account: a new confirmation replaces the old (the audit log keeps both).
create table closing_bank_confirmation (
  fiscal_year_id  bigint       not null references fiscal_year(id),
  account_id      bigint       not null,
  balance_cents   bigint       not null,
  confirmed_by    varchar(100) not null,
  confirmed_at    timestamp with time zone not null,
  primary key (fiscal_year_id, account_id)
);
