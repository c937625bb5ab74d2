-- Which Envol account an OpenFlyers account stands for, per section (OpenFlyers has no sections:
-- its one bank account is a different Envol account in each section). A null account_id means
-- "ignore this OpenFlyers account" (a 411 used for discovery flights, for instance).
create table openflyers_account (
  section_id      bigint       not null references section(id),
  openflyers_id   varchar(30)  not null,
  openflyers_name varchar(200) not null,
  account_id      bigint       references account(id) on delete set null,
  updated_at      timestamp with time zone not null default current_timestamp,
  primary key (section_id, openflyers_id)
);
create index openflyers_account_account on openflyers_account(account_id);
