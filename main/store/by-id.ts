/**
 * The condition that finds a row by its text id through a tail index
 * (alerts_id_tail, incidents_id_tail): SQLite uses such an index only
 * when the query repeats its expression. Bind the id as @id.
 */
export const BY_ID = 'substr(id, -8) = substr(@id, -8) AND id = @id';
