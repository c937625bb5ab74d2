-- Club-wide settings (the SIREN for the FEC's name…): one value per name, written by admins only.
create table club_setting (
  name   varchar(50)  not null primary key,
  value  varchar(255) not null
);
