// Constraints and indexes graphkit creates in Neo4j before loading (idempotent; Community edition).
// Every graphkit node carries the storage label :Entity besides its own labels (Company, Investor,
// Fund, Person, Organization); the unique key on :Entity makes MERGE by key one index lookup.
CREATE CONSTRAINT entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE n.key IS UNIQUE;
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
// Name lookups by label, as the named queries do them (MATCH (i:Investor {name: $name})).
CREATE INDEX company_name IF NOT EXISTS FOR (n:Company) ON (n.name);
CREATE INDEX investor_name IF NOT EXISTS FOR (n:Investor) ON (n.name);
CREATE INDEX fund_name IF NOT EXISTS FOR (n:Fund) ON (n.name);
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
