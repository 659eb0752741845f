import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SM2_DEFAULT_USER_ID,
  generateSm2KeyPair,
  normalizeSm2PublicKey,
  prepareSm2PublicKey,
  sm2PublicKeyFromPem,
  sm2PublicKeyFromPrivateKey,
  sm2PublicKeyToPem,
  sm2Sign,
  sm2SignatureDerToRaw,
  sm2SignatureRawToDer,
  sm2Verify,
} from './sm2.js';

const N_HEX = 'fffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123';
const keys = generateSm2KeyPair();
const MSG = '医保结算 settlement #42';
/** GM/T 0009 default id, spelled out rather than imported so a wrong constant in sm2.ts fails the interop tests */
const GM_DEFAULT_ID = '1234567812345678';
const int = (hex: string) => '02' + (hex.length / 2).toString(16).padStart(2, '0') + hex;
const seq = (body: string) => '30' + (body.length / 2).toString(16).padStart(2, '0') + body;

describe('sm2 keys and signatures', () => {
  it('generates an uncompressed public key that matches the private key', () => {
    expect(keys.publicKey).toMatch(/^04[0-9a-f]{128}$/);
    expect(keys.privateKey).toMatch(/^[0-9a-f]{64}$/);
    expect(sm2PublicKeyFromPrivateKey(keys.privateKey)).toBe(keys.publicKey);
    expect(generateSm2KeyPair().privateKey).not.toBe(keys.privateKey);
    expect(SM2_DEFAULT_USER_ID).toBe(GM_DEFAULT_ID);
  });

  it('signs as DER hex and verifies; a changed message, user id or key fails', () => {
    const sig = sm2Sign(MSG, keys.privateKey);
    expect(sig).toMatch(/^30[0-9a-f]+$/);
    expect(sm2Verify(MSG, sig, keys.publicKey)).toBe(true);
    expect(sm2Verify(Buffer.from(MSG), sig, keys.publicKey)).toBe(true);
    expect(sm2Verify(MSG + ' ', sig, keys.publicKey)).toBe(false);
    expect(sm2Verify(MSG, sig, keys.publicKey, { userId: 'alice@example.com' })).toBe(false);
    expect(sm2Verify(MSG, sig, generateSm2KeyPair().publicKey)).toBe(false);

    const withId = sm2Sign(MSG, keys.privateKey, { userId: 'alice@example.com', publicKey: keys.publicKey });
    expect(sm2Verify(MSG, withId, keys.publicKey, { userId: 'alice@example.com' })).toBe(true);
    expect(sm2Verify(MSG, withId, keys.publicKey)).toBe(false);
    expect(sm2Verify(MSG, withId, keys.publicKey, { userId: GM_DEFAULT_ID })).toBe(false);
  });

  it('verifies identically with a precomputed (prepared) key', () => {
    const prepared = prepareSm2PublicKey(keys.publicKey);
    const sig = sm2Sign(MSG, keys.privateKey);
    expect(sm2Verify(MSG, sig, prepared)).toBe(true);
    expect(sm2Verify(MSG, sig, prepared)).toBe(true); // cached Z
    expect(sm2Verify('other', sig, prepared)).toBe(false);
    expect(sm2Verify(MSG, sig, prepared, { userId: 'bob' })).toBe(false);
  });

  it('verifies a fixed signature made by `openssl dgst -sm3 -sign -sigopt distid:1234567812345678`', () => {
    const pub =
      '046c34967704ac6f2e49efac091357cc67abc6643b4594f4de5350cedd842d05281352babb2e1542d8911703d755066e5126a4b12ba70142773a1c8048b9643700';
    const sig =
      '3045022100bb59139f2adb8e62bd796d6e7cee6e22bec5b33aecc4727cf26fb15a1ce14f2e02204a86efc370817459de59a8626668674f451ee5c770ca7dbdd4f80b5554107554';
    expect(sm2Verify('hello', sig, pub)).toBe(true);
    expect(sm2Verify('hello', sig, prepareSm2PublicKey(pub))).toBe(true);
    expect(sm2Verify('hellO', sig, pub)).toBe(false);
    expect(sm2Verify('hello', sig, pub, { userId: '' })).toBe(false);
  });

  it('returns false, never throws, on garbage', () => {
    const sig = sm2Sign(MSG, keys.privateKey);
    const raw = sm2SignatureDerToRaw(sig);
    const badSigs: unknown[] = [
      '', 'zz', '30', sig.slice(0, -2), sig + '00', '31' + sig.slice(2), raw,
      seq(int('00') + int('01')), // r = 0
      seq(int('01') + int('00' + N_HEX)), // s = n
      undefined, null, 42, {},
    ];
    for (const bad of badSigs) expect(sm2Verify(MSG, bad as string, keys.publicKey)).toBe(false);
    const badKeys: unknown[] = ['', '04', '04' + '11'.repeat(64), keys.publicKey.slice(2), 'xyz', undefined, {}];
    for (const bad of badKeys) expect(sm2Verify(MSG, sig, bad as string)).toBe(false);
    expect(sm2Verify(undefined as unknown as string, sig, keys.publicKey)).toBe(false);
    expect(sm2Verify(MSG, sig.toUpperCase(), keys.publicKey)).toBe(true); // hex case is not malleability
  });

  it('accepts only the canonical DER encoding of a valid (r, s)', () => {
    const sig = sm2Sign(MSG, keys.privateKey);
    const raw = sm2SignatureDerToRaw(sig);
    const [r, s] = [raw.slice(0, 64), raw.slice(64)].map((h) => h.replace(/^(00)+/, ''));
    const minimal = (h: string) => (parseInt(h.slice(0, 2), 16) >= 0x80 ? '00' + h : h);
    expect(seq(int(minimal(r)) + int(minimal(s)))).toBe(sig);
    // same numbers, other encodings: a verifier accepting these makes signatures malleable
    const variants = [
      seq(int('00' + minimal(r)) + int(minimal(s))), // non-minimal r
      seq(int(minimal(r)) + int('00' + minimal(s))), // non-minimal s
      '3081' + sig.slice(2), // long-form length
    ];
    for (const v of variants) expect(sm2Verify(MSG, v, keys.publicKey)).toBe(false);
  });

  it('converts between DER and raw r||s', () => {
    const sig = sm2Sign(MSG, keys.privateKey);
    const raw = sm2SignatureDerToRaw(sig);
    expect(raw).toMatch(/^[0-9a-f]{128}$/);
    expect(sm2SignatureRawToDer(raw)).toBe(sig);
    expect(() => sm2SignatureRawToDer('00'.repeat(64))).toThrow(/out of range/);
    expect(() => sm2SignatureDerToRaw(sig + '00')).toThrow();
  });

  it('refuses a user id too long for the 16-bit ENTL field', () => {
    const long = 'a'.repeat(8192);
    expect(() => sm2Sign(MSG, keys.privateKey, { userId: long })).toThrow(/8191/);
    expect(sm2Verify(MSG, sm2Sign(MSG, keys.privateKey), keys.publicKey, { userId: long })).toBe(false);
    const max = 'a'.repeat(8191);
    expect(sm2Verify(MSG, sm2Sign(MSG, keys.privateKey, { userId: max }), keys.publicKey, { userId: max })).toBe(true);
  });

  it('refuses invalid private keys', () => {
    expect(() => sm2Sign(MSG, 'abc')).toThrow(/64 hex/);
    expect(() => sm2Sign(MSG, '00'.repeat(32))).toThrow(/range/);
    expect(() => sm2Sign(MSG, N_HEX)).toThrow(/range/);
  });
});

describe('sm2 public key PEM', () => {
  it('round-trips hex -> PEM -> hex, and reads compressed SPKI', () => {
    const pem = sm2PublicKeyToPem(keys.publicKey);
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n$/);
    expect(sm2PublicKeyFromPem(pem)).toBe(keys.publicKey);
    // the point from the fixed OpenSSL key above, as `openssl ec -pubout -conv_form compressed` writes it
    const compressedPem =
      '-----BEGIN PUBLIC KEY-----\nMDkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DIgACbDSWdwSsby5J76wJE1fMZ6vGZDtF\nlPTeU1DO3YQtBSg=\n-----END PUBLIC KEY-----\n';
    expect(sm2PublicKeyFromPem(compressedPem)).toBe(
      '046c34967704ac6f2e49efac091357cc67abc6643b4594f4de5350cedd842d05281352babb2e1542d8911703d755066e5126a4b12ba70142773a1c8048b9643700',
    );
    expect(normalizeSm2PublicKey('026c34967704ac6f2e49efac091357cc67abc6643b4594f4de5350cedd842d0528')).toMatch(/^046c3496/);
  });

  it('rejects PEMs of other curves and non-PEM input', () => {
    const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' });
    expect(() => sm2PublicKeyFromPem(p256.toString())).toThrow(/not an SM2 public key/);
    expect(() => sm2PublicKeyFromPem('hello')).toThrow(/PEM/);
    expect(() => sm2PublicKeyToPem('04' + '11'.repeat(64))).toThrow(/not a point/);
  });
});

/**
 * Interoperability with an independent implementation: the OpenSSL 3 CLI. OpenSSL 3.0 `dgst` takes
 * the distinguishing id as `-sigopt distid:<id>` for both -sign and -verify (`-vfyopt` is not a
 * dgst option in 3.0). Without it OpenSSL uses an EMPTY id, not 1234567812345678.
 */
describe('sm2 interoperability with the openssl CLI', () => {
  let dir: string;
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' }).toString();
  const opensslVerifies = (...args: string[]) => {
    try {
      return /Verified OK/.test(openssl('dgst', '-sm3', '-verify', ...args));
    } catch {
      return false; // exit status 1 = "Verification failure"
    }
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'yibao-sm2-'));
    await writeFile(join(dir, 'msg.bin'), MSG);
    await writeFile(join(dir, 'other.bin'), MSG + '!');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('runs a version of OpenSSL with SM2 support', () => {
    expect(openssl('version')).toMatch(/^OpenSSL 3\./);
  });

  it('(a) openssl verifies our signature against our exported PEM', async () => {
    await writeFile(join(dir, 'ours.pub.pem'), sm2PublicKeyToPem(keys.publicKey));
    await writeFile(join(dir, 'ours.sig'), Buffer.from(sm2Sign(MSG, keys.privateKey), 'hex'));
    const verify = (id: string, file = 'msg.bin') =>
      opensslVerifies('ours.pub.pem', '-sigopt', `distid:${id}`, '-signature', 'ours.sig', file);
    expect(verify(GM_DEFAULT_ID)).toBe(true);
    expect(verify('1234567812345679')).toBe(false);
    expect(verify(GM_DEFAULT_ID, 'other.bin')).toBe(false);

    await writeFile(join(dir, 'id.sig'), Buffer.from(sm2Sign(MSG, keys.privateKey, { userId: 'alice@example.com' }), 'hex'));
    expect(opensslVerifies('ours.pub.pem', '-sigopt', 'distid:alice@example.com', '-signature', 'id.sig', 'msg.bin')).toBe(true);
    expect(opensslVerifies('ours.pub.pem', '-sigopt', `distid:${GM_DEFAULT_ID}`, '-signature', 'id.sig', 'msg.bin')).toBe(false);
    // the id goes into Z as UTF-8 bytes on both sides
    await writeFile(join(dir, 'cn.sig'), Buffer.from(sm2Sign(MSG, keys.privateKey, { userId: '医保局' }), 'hex'));
    expect(opensslVerifies('ours.pub.pem', '-sigopt', 'distid:医保局', '-signature', 'cn.sig', 'msg.bin')).toBe(true);
    // OpenSSL normalises our PEM to the same bytes, i.e. it is exactly the SPKI OpenSSL itself writes
    expect(openssl('pkey', '-pubin', '-in', 'ours.pub.pem', '-pubout')).toBe(sm2PublicKeyToPem(keys.publicKey));
  });

  it('(b) we verify a signature made by openssl with its own key', async () => {
    openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:SM2', '-out', 'key.pem');
    openssl('pkey', '-in', 'key.pem', '-pubout', '-out', 'pub.pem');
    const pub = sm2PublicKeyFromPem(await readFile(join(dir, 'pub.pem'), 'utf8'));
    const sign = (out: string, ...opts: string[]) => openssl('dgst', '-sm3', '-sign', 'key.pem', ...opts, '-out', out, 'msg.bin');

    sign('std.sig', '-sigopt', `distid:${GM_DEFAULT_ID}`);
    const sig = (await readFile(join(dir, 'std.sig'))).toString('hex');
    expect(sm2Verify(MSG, sig, pub)).toBe(true);
    expect(sm2Verify(MSG, sig, prepareSm2PublicKey(pub))).toBe(true);
    expect(sm2Verify(MSG + '!', sig, pub)).toBe(false);
    expect(sm2Verify(MSG, sig, pub, { userId: 'alice@example.com' })).toBe(false);

    sign('alice.sig', '-sigopt', 'distid:alice@example.com');
    const aliceSig = (await readFile(join(dir, 'alice.sig'))).toString('hex');
    expect(sm2Verify(MSG, aliceSig, pub, { userId: 'alice@example.com' })).toBe(true);
    expect(sm2Verify(MSG, aliceSig, pub)).toBe(false);

    // pitfall for partners: OpenSSL 3.0 without -sigopt signs with an empty id, not the GM/T default
    sign('noid.sig');
    const noIdSig = (await readFile(join(dir, 'noid.sig'))).toString('hex');
    expect(sm2Verify(MSG, noIdSig, pub)).toBe(false);
    expect(sm2Verify(MSG, noIdSig, pub, { userId: '' })).toBe(true);
  });
});
