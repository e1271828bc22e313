import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChangeSet } from '../src/changes.js';
import { openDatabase } from '../src/db/database.js';
import { createSqliteStore, type Store } from '../src/db/store.js';
import { seedDemoData } from '../src/demo/seed.js';
import { createDailyDigests, previousSaoPauloDay } from '../src/notifications/digest.js';

describe('previousSaoPauloDay', () => {
  it('spans the São Paulo calendar day before', () => {
    // 02:30 in São Paulo on 5 December is 05:30 UTC.
    expect(previousSaoPauloDay(new Date('2026-12-05T05:30:00Z'))).toEqual({
      from: '2026-12-04T03:00:00.000Z',
      to: '2026-12-05T03:00:00.000Z',
      label: '04/12',
      key: '2026-12-04',
    });
  });

  it('uses the São Paulo date before 03:00 UTC', () => {
    // 23:30 in São Paulo on 4 December is 02:30 UTC on 5 December.
    expect(previousSaoPauloDay(new Date('2026-12-05T02:30:00Z')).key).toBe('2026-12-03');
  });
});

describe('createDailyDigests', () => {
  let dataDir: string;
  let store: Store;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'lastro-digest-test-'));
    store = createSqliteStore(openDatabase(dataDir));
    await seedDemoData(store, pino({ level: 'silent' }));
  });

  afterEach(() => {
    store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const digestsOf = (email: string) =>
    store.notifications.listForSync(store.users.findByEmail(email)!.id, 0, 1000).filter((doc) => doc.type === 'daily_digest');

  it('summarises the day before once per investor with activity', () => {
    const tomorrow = new Date(Date.now() + 86_400_000);

    const created = store.transaction(() => createDailyDigests(store, tomorrow, new ChangeSet()));
    const again = store.transaction(() => createDailyDigests(store, new Date(tomorrow.getTime() + 3_600_000), new ChangeSet()));

    expect(created).toBe(2);
    expect(again).toBe(0);
    const [digest] = digestsOf('investidor@lastro.demo');
    expect(digest).toMatchObject({
      id: `digest:${previousSaoPauloDay(tomorrow).key}`,
      priority: 'normal',
      bodyPt: '1 PIX recebido (R$\u00a01.610,00).',
      bodyEn: '1 PIX received (R$\u00a01.610,00).',
    });
    expect(digestsOf('tomador@lastro.demo')).toEqual([]);
  });

  it('skips investors without activity', () => {
    const created = store.transaction(() => createDailyDigests(store, new Date(Date.now() + 10 * 86_400_000), new ChangeSet()));

    expect(created).toBe(0);
  });
});
