-- Same guards as db/migration/postgresql/V3__guards.sql, as Java triggers for H2.
create trigger entry_frozen_guard before update, delete on entry
  for each row call 'org.envol.ledger.H2Guards$FrozenEntry';
create trigger entry_line_frozen_guard before update, delete on entry_line
  for each row call 'org.envol.ledger.H2Guards$FrozenLine';
create trigger entry_line_insert_guard before insert on entry_line
  for each row call 'org.envol.ledger.H2Guards$FrozenLine';
create trigger audit_event_append_only before update, delete on audit_event
  for each row call 'org.envol.ledger.H2Guards$AppendOnly';
