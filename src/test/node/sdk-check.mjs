// Drives Files.com's own JavaScript SDK (npm "files.com") against a running `keydesk serve`.
// Env: KEYDESK_URL (base URL, no path), KEYDESK_KEY (a site-wide key). Prints one line per check
// and exits non-zero if any failed. Run by FilesSdkTest.
import Files from 'files.com/lib/Files.js';
import ApiKey from 'files.com/lib/models/ApiKey.js';
import * as Errors from 'files.com/lib/Errors.js';

Files.setBaseUrl(process.env.KEYDESK_URL);
Files.setApiKey(process.env.KEYDESK_KEY);
Files.setLogLevel?.(0);

let passed = 0;
let failed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e && e.name}: ${e && e.message}`);
  }
}
function expect(cond, what) {
  if (!cond) throw new Error(what);
}
async function expectError(cls, fn) {
  try {
    await fn();
  } catch (e) {
    expect(e instanceof cls, `expected ${cls.name}, got ${e && e.name} (${e && e.message})`);
    return;
  }
  throw new Error(`expected ${cls.name}, got success`);
}

let current, created, secret, found;
await check('find current', async () => {
  current = await ApiKey.findCurrent();
  expect(typeof current.id === 'number', 'id is a number');
  expect(current.permission_set === 'full', 'site key is full');
  expect(current.user_id === null, 'site key has no user');
});
await check('create', async () => {
  created = await ApiKey.create({ name: 'made by the Files.com SDK', description: 'sdk', expires_at: '2099-05-06T07:08:09Z' });
  secret = created.key;
  expect(typeof secret === 'string' && secret.length > 20, 'the secret comes once');
  expect(created.expires_at === '2099-05-06T07:08:09Z', 'expiry as sent');
});
await check('find', async () => {
  found = await ApiKey.find(created.id);
  expect(found.id === created.id, 'same id');
  expect(found.key === undefined, 'no secret after create');
  expect(found.name === 'made by the Files.com SDK', 'name');
});
await check('list without per_page', async () => {
  const all = await ApiKey.list();
  expect(all.some(k => k.id === created.id), 'lists the new key');
  expect(all.some(k => k.id === current.id), 'lists the calling key');
});
await check('list with per_page follows X-Files-Cursor', async () => {
  const all = await ApiKey.list({ per_page: 1 });
  const ids = all.map(k => k.id);
  expect(ids.length >= 2, `auto-pagination read every page (${ids.length})`);
  expect(new Set(ids).size === ids.length, 'no key twice');
  const one = await ApiKey.list({ per_page: 1 }, { autoPaginate: false });
  expect(one.length === 1, 'one page holds per_page keys');
});
await check('the new key authenticates', async () => {
  const self = await ApiKey.findCurrent({ apiKey: secret });
  expect(self.id === created.id, 'find current with the new key');
});
await check('update', async () => {
  const updated = await found.update({ name: 'renamed by the SDK' });
  expect(updated.name === 'renamed by the SDK', 'renamed');
});
await check('delete', async () => {
  await found.delete();
});
await check('find after delete: NotFound_ApiKeyNotFoundError', () =>
  expectError(Errors.NotFound_ApiKeyNotFoundError, () => ApiKey.find(created.id)));
await check('the deleted key: NotAuthenticated_InvalidCredentialsError', () =>
  expectError(Errors.NotAuthenticated_InvalidCredentialsError, () => ApiKey.findCurrent({ apiKey: secret })));
await check('a past expiry: ProcessingFailure_ModelSaveErrorError', () =>
  expectError(Errors.ProcessingFailure_ModelSaveErrorError, () => ApiKey.create({ name: 'late', expires_at: '2001-01-01T00:00:00Z' })));
await check('a forged cursor: BadRequest_InvalidCursorError', () =>
  expectError(Errors.BadRequest_InvalidCursorError, () => ApiKey.list({ cursor: 'forged' }, { autoPaginate: false })));

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
