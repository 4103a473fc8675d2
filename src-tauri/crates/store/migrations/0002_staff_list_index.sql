-- The list walks this index in Vietnamese order and filters inside it, so a
-- search over 50,000 people reads one narrow index instead of every row.
DROP INDEX staff_order;
CREATE INDEX staff_list ON staff (sort_given, sort_rest, id, status, search_text, position, team, warnings);
