-- The database's own guard: a frozen (validated) entry and its lines cannot change by any
-- path, even SQL sent by the application; the audit log is append-only.
-- H2 has the same guards as Java triggers (db/migration/h2).

create function envol_guard_frozen_entry() returns trigger language plpgsql as $$
begin
  if old.status = 'FROZEN' then
    raise exception 'ENVOL_FROZEN: entry % is validated (frozen) and cannot be changed', old.id;
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  return new;
end $$;

create trigger entry_frozen_guard before update or delete on entry
  for each row execute function envol_guard_frozen_entry();

create function envol_guard_frozen_line() returns trigger language plpgsql as $$
begin
  if exists (select 1 from entry e where e.id = old.entry_id and e.status = 'FROZEN') then
    raise exception 'ENVOL_FROZEN: the lines of entry % are validated (frozen) and cannot be changed', old.entry_id;
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  return new;
end $$;

create trigger entry_line_frozen_guard before update or delete on entry_line
  for each row execute function envol_guard_frozen_line();

-- Statement-level so that bulk COPY pays one join, not one lookup per line.
create function envol_guard_line_into_frozen() returns trigger language plpgsql as $$
begin
  if exists (select 1 from new_lines l join entry e on e.id = l.entry_id where e.status = 'FROZEN') then
    raise exception 'ENVOL_FROZEN: a line cannot be added to a validated (frozen) entry';
  end if;
  return null;
end $$;

create trigger entry_line_insert_guard after insert on entry_line
  referencing new table as new_lines
  for each statement execute function envol_guard_line_into_frozen();

create function envol_guard_audit() returns trigger language plpgsql as $$
begin
  raise exception 'ENVOL_AUDIT: the audit log is append-only';
end $$;

create trigger audit_event_append_only before update or delete on audit_event
  for each row execute function envol_guard_audit();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function envol_guard_audit();
