-- Club-wide settings (the SIREN that names the FEC…): one value per name, written by admins only.
-- (VALUE is a reserved word in H2, hence the prefixed column names.)
create table club_setting (
  setting_name   varchar(50)  not null primary key,
  setting_value  varchar(255) not null
);
