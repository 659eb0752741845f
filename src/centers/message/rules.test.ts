import { describe, expect, it } from 'vitest';
import { DomainError } from '../../kernel/errors/index.js';
import { checkParams, checkTemplate, escapeFor, formatValue, notBefore, plan, placeholdersUsed, render, retryDelayMs, type Channel, type Placeholder } from './rules.js';

const fieldOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return `${error.code} ${error.field}`;
    throw error;
  }
  return 'ok';
};

const PAID: Placeholder[] = [
  { name: 'institution', type: 'text' },
  { name: 'total', type: 'money' },
];
const TEXT = { subjectZh: '支付成功', subjectEn: 'Paid', bodyZh: '您在{{institution}}支付{{total}}', bodyEn: 'You paid {{ total }} at {{institution}}' };

describe('templates declare exactly the placeholders they use', () => {
  it.each([
    ['declared and used', PAID, TEXT, 'ok'],
    ['used, not declared', PAID.slice(0, 1), TEXT, 'message.placeholder_undeclared bodyZh'],
    ['declared, not used', [...PAID, { name: 'cash', type: 'money' }], TEXT, 'message.placeholder_unused placeholders/2/name'],
    ['declared twice', [...PAID, PAID[0]], TEXT, 'message.placeholder_twice placeholders/2/name'],
    ['a name that is not one', [{ name: '1x', type: 'text' }], { ...TEXT, bodyZh: '{{1x}}' }, 'message.placeholder_name placeholders/0/name'],
  ] as const)('%s', (_, placeholders, text, expected) => {
    expect(fieldOf(() => checkTemplate([...placeholders] as Placeholder[], text))).toBe(expected);
  });

  it('finds each placeholder once, spaces inside the braces allowed', () => {
    expect(placeholdersUsed('{{a}} {{ b }} {{a}}')).toEqual(['a', 'b']);
  });
});

describe('a message fills exactly the placeholders, each of its type', () => {
  it.each([
    ['all there', { institution: '南阳市第一人民医院', total: 1445000 }, 'ok'],
    ['one missing', { institution: 'x' }, 'message.param_missing params/total'],
    ['one extra', { institution: 'x', total: 1, cash: 2 }, 'message.param_extra params/cash'],
    ['money that is not integer fen', { institution: 'x', total: 14450.5 }, 'message.param_type params/total'],
    ['money as a string', { institution: 'x', total: '1445000' }, 'message.param_type params/total'],
  ] as const)('%s', (_, params, expected) => {
    expect(fieldOf(() => checkParams(PAID, params))).toBe(expected);
  });
});

describe('values as a person reads them', () => {
  it.each([
    ['money', 1445000, 'zh-CN', '¥14,450.00'],
    ['money', 5, 'en', '¥0.05'],
    ['datetime', '2026-12-07T16:30:00Z', 'zh-CN', '2026-12-08 00:30'],
    ['datetime', '2026-12-07T16:30:00Z', 'en', '2026-12-08 00:30 (Beijing time)'],
  ] as const)('%s %s (%s) → %s', (type, value, locale, expected) => {
    expect(formatValue(type, value, locale)).toBe(expected);
  });
});

describe('a value is escaped for its channel', () => {
  it.each([
    ['html', '<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['sms', '<b>x</b>', '<b>x</b>'],
    ['sms', '=HYPERLINK("http://evil")', `'=HYPERLINK("http://evil")`],
    ['inbox', '+cmd|calc', `'+cmd|calc`],
    ['sms', '-5 is a number', '-5 is a number'],
    ['sms', 'line\r\nBcc: x@evil', 'line Bcc: x@evil'],
  ] as const)('%s: %s', (channel, value, expected) => {
    expect(escapeFor(channel as Channel | 'html', value)).toBe(expected);
  });

  it('an e-mail’s HTML escapes the value and keeps the template’s text; the plain text keeps the value as text', () => {
    const out = render({ ...TEXT, placeholders: PAID }, 'email', { institution: '<img src=x onerror=alert(1)>', total: 100 }, 'zh-CN');
    expect(out.payload?.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out.payload?.html).not.toContain('<img');
    expect(out.body).toBe('您在<img src=x onerror=alert(1)>支付¥1.00');
    expect(out.subject).toBe('支付成功');
  });

  it('renders the English text for an English reader', () => {
    expect(render({ ...TEXT, placeholders: PAID }, 'sms', { institution: 'City Hospital', total: 1445000 }, 'en').body).toBe('You paid ¥14,450.00 at City Hospital');
  });
});

describe('quiet hours 22:00–08:00 Beijing time', () => {
  const utc = (s: string) => new Date(s);
  it.each([
    ['23:30 Beijing, an SMS waits for 08:00 the next morning', '2026-12-07T15:30:00Z', 'sms', false, '2026-12-08T00:00:00.000Z'],
    ['03:00 Beijing, it waits for 08:00 the same morning', '2026-12-07T19:00:00Z', 'sms', false, '2026-12-08T00:00:00.000Z'],
    ['22:00 sharp is quiet', '2026-12-07T14:00:00Z', 'wechat', false, '2026-12-08T00:00:00.000Z'],
    ['08:00 sharp is not', '2026-12-08T00:00:00Z', 'sms', false, '2026-12-08T00:00:00.000Z'],
    ['21:59 is not', '2026-12-07T13:59:00Z', 'sms', false, '2026-12-07T13:59:00.000Z'],
    ['an urgent SMS goes at once', '2026-12-07T15:30:00Z', 'sms', true, '2026-12-07T15:30:00.000Z'],
    ['the in-site message goes at once', '2026-12-07T15:30:00Z', 'inbox', false, '2026-12-07T15:30:00.000Z'],
    ['an e-mail goes at once', '2026-12-07T15:30:00Z', 'email', false, '2026-12-07T15:30:00.000Z'],
  ] as const)('%s', (_, due, channel, urgent, expected) => {
    expect(notBefore(utc(due), channel, urgent).toISOString()).toBe(expected);
  });
});

describe('the fallback cascade', () => {
  const all = () => true;
  it('in-site at once, then WeChat, then SMS, each a step later and only while unread', () => {
    expect(plan(['sms', 'inbox', 'wechat'], true, all, 1000)).toEqual([
      { channel: 'inbox', delayMs: 0, unlessRead: false },
      { channel: 'wechat', delayMs: 1000, unlessRead: true },
      { channel: 'sms', delayMs: 2000, unlessRead: true },
    ]);
  });
  it('a person without WeChat gets the SMS as the first fallback', () => {
    expect(plan(['inbox', 'wechat', 'sms'], true, (c) => c !== 'wechat', 1000).map((s) => [s.channel, s.delayMs])).toEqual([
      ['inbox', 0],
      ['sms', 1000],
    ]);
  });
  it('without fallback every channel goes at once', () => {
    expect(plan(['inbox', 'sms'], false, all, 1000).every((s) => s.delayMs === 0 && !s.unlessRead)).toBe(true);
  });
});

describe('retries wait twice as long each time, at most an hour', () => {
  it.each([
    [1, 5000],
    [2, 10_000],
    [3, 20_000],
    [20, 3600_000],
  ])('after %i failed attempts: %i ms', (attempts, expected) => {
    expect(retryDelayMs(5000, attempts)).toBe(expected);
  });
});
