import { customType } from 'drizzle-orm/pg-core';

// Receipts' bytes: PostgreSQL's bytea read and written as a Buffer, as SQLite's blob is.
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
