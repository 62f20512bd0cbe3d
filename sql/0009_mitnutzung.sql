-- Mitnutzung checks: a Breitband planner's route against reusable ducts with free capacity and against
-- the construction calendar's coming excavations. The answer is kept as it was given (`result`), so the
-- planner can come back to it and the audit trail can say what was shown; it holds only the planner's
-- own route and pieces of it — never the geometry of anyone's network.
create sequence mitnutzung_number_seq;

create table mitnutzung_checks (
	id uuid primary key,
	number text not null unique,
	org_id uuid not null references organisations (id),
	user_id uuid not null references users (id),
	title text not null default '',
	-- EPSG:4326 as sent (LineString / MultiLineString)
	route jsonb not null,
	corridor_m double precision not null check (corridor_m > 0),
	route_length_m double precision not null,
	covered_length_m double precision not null,
	result jsonb not null,
	created_at timestamptz not null
);
create index mitnutzung_checks_org_idx on mitnutzung_checks (org_id, created_at desc);
