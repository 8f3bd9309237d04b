import { createHash } from 'node:crypto';
import { auditSpoolDir } from './auditSpoolDir';

const digest = (location: string) => createHash('sha256').update(location).digest('hex').slice(0, 16);
const CWD = '/srv/uv';

describe('auditSpoolDir', () => {
  it('takes AUDIT_SPOOL_DIR as given, relative to the working directory', () => {
    expect(auditSpoolDir({ dataDir: '/srv/uv/data/pglite' }, { AUDIT_SPOOL_DIR: '/var/spool/uv' }, CWD)).toBe('/var/spool/uv');
    expect(auditSpoolDir({ url: 'postgres://uv@db:5432/uv' }, { AUDIT_SPOOL_DIR: ' spool ' }, CWD)).toBe('/srv/uv/spool');
  });

  it('by default, a folder of data/audit-spool per store, named by where the store is', () => {
    // The digests written out by hand from the location strings: embedded:<absolute dir>, server:<url without password>.
    expect(auditSpoolDir({ dataDir: 'data/pglite' }, {}, CWD)).toBe(`/srv/uv/data/audit-spool/store-${digest('embedded:/srv/uv/data/pglite')}`);
    expect(auditSpoolDir({ url: 'postgres://uv:secret@db:5432/uv' }, {}, CWD)).toBe(`/srv/uv/data/audit-spool/store-${digest('server:postgres://uv@db:5432/uv')}`);
    expect(auditSpoolDir({ dataDir: '/srv/uv/data/pglite' }, { AUDIT_SPOOL_DIR: '  ' }, CWD)).toBe(auditSpoolDir({ dataDir: 'data/pglite' }, {}, CWD));
  });

  // Pairs of stores that must never share a spool folder: a spool left by one would be replayed into the other.
  it.each([
    ['two embedded directories', { dataDir: '/tmp/a/pglite' }, { dataDir: '/tmp/b/pglite' }],
    ['two databases on one server', { url: 'postgres://uv@db:5432/uv_a' }, { url: 'postgres://uv@db:5432/uv_b' }],
    ['two servers', { url: 'postgres://uv@db1:5432/uv' }, { url: 'postgres://uv@db2:5432/uv' }],
    ['a server and an embedded store', { url: 'postgres://uv@db:5432/uv' }, { dataDir: '/srv/uv/data/pglite' }],
    ['two in-memory stores', { dataDir: 'memory://' }, { dataDir: 'memory://' }],
  ])('%s get different folders', (_, a, b) => {
    expect(auditSpoolDir(a, {}, CWD)).not.toBe(auditSpoolDir(b, {}, CWD));
  });

  it('one store reached with another password or from another working directory keeps its folder, and no password is in the name', () => {
    const a = auditSpoolDir({ url: 'postgres://uv:old@db:5432/uv' }, {}, CWD);
    expect(auditSpoolDir({ url: 'postgres://uv:new@db:5432/uv' }, {}, '/elsewhere')).toBe(a.replace('/srv/uv', '/elsewhere'));
    expect(auditSpoolDir({ dataDir: '/srv/uv/data/pglite' }, {}, '/elsewhere')).toBe(`/elsewhere/data/audit-spool/store-${digest('embedded:/srv/uv/data/pglite')}`);
    expect(a).not.toContain('old');
  });
});
