import { describe, expect, it } from 'vitest';
import { pgUrl } from './database.ts';

process.env.EMPREINTE_TEST_ENGINE = 'postgres';
const { reportDeps, runImport, trips } = await import('../reports/support.ts');

// PostgreSQL gives up a transaction caught in a deadlock (two imports inserting shared rows in
// another order) and the port runs it again: the batch must then count and key its rows as if it
// had run once. The hook raises PostgreSQL's deadlock code the first time the second batch ends.
const deadlock = () => Object.assign(new Error('deadlock detected'), { code: '40P01' });
const twins = 'date;mode;distance_km;travelers\n2019-05-01;bus;30;1\n2019-05-01;bus;30;1\n2019-05-02;bus;40;1\n2019-05-02;bus;40;1\n';

describe.skipIf(!pgUrl)('an import batch run again after a deadlock', () => {
  it('counts its rows once and keys identical rows as a single run does', async () => {
    const retried = await reportDeps();
    let failures = 0;
    const summary = await runImport(retried, twins, { batchSize: 2, onBatch: (i) => { if (i === 1 && failures++ === 0) throw deadlock(); } });
    expect(failures).toBe(2); // the hook ran again with the batch, and let it commit
    expect(summary).toMatchObject({ rowsRead: 4, imported: 4, duplicates: 0, bad: 0 });
    const once = await reportDeps();
    await runImport(once, twins, { batchSize: 2 });
    expect((await trips(retried)).map((r) => r.row_key)).toEqual((await trips(once)).map((r) => r.row_key));
    expect(await runImport(retried, twins)).toMatchObject({ imported: 0, duplicates: 4 });
  });
});
