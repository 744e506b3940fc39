import type { EmbeddedPostgres } from '../../cloudfunctions/src/db/embedded';

export default async function globalTeardown() {
  const embedded = (globalThis as Record<string, unknown>).__EMBEDDED_PG__ as EmbeddedPostgres | undefined;
  await embedded?.stop();
}
