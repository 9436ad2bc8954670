import type pg from 'pg';

/**
 * Runs `work` in one transaction on a client of its own from the pool: committed when `work` resolves, rolled back
 * when it throws (the error passed on as it was); the client goes back to the pool either way. `begin` names the
 * transaction's isolation and access when the default will not do (a report's snapshot-consistent reads).
 */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
