/**
 * The fake channel's 收银台 page, on its own: a prepaid trade's page, whose 确认支付 Pay marks the
 * trade paid, sends the signed callback to the notify URL and sends the browser back to the return
 * URL on the notify URL's origin (any other origin refused); 取消 Cancel only goes back.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPayChannelClient, verifyNotification } from '../../src/adapters/paychannel/client.js';
import { startFakePayChannel, type FakePayChannel } from './server.js';

const creds = { appId: 'yibao-merchant', secret: 'paychannel-secret' };

describe('fake channel cashier page', () => {
  let fake: FakePayChannel;
  let platform: Server;
  let origin = '';
  /** what the "platform" received: the callbacks, checked against the channel's signature */
  const callbacks: { body: string; verified: boolean }[] = [];

  beforeAll(async () => {
    platform = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', async () => {
        const { ok: verified } = await verifyNotification(creds, { headers: req.headers as Record<string, string>, method: 'POST', path: req.url ?? '', body, nonceSeen: () => false });
        callbacks.push({ body, verified });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"code":"SUCCESS"}');
      });
    });
    await new Promise<void>((resolve) => platform.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(platform.address() as AddressInfo).port}`;
    fake = await startFakePayChannel(creds);
  });
  afterAll(async () => {
    await fake.close();
    await new Promise((resolve) => platform.close(resolve));
  });

  const prepaid = async (outTradeNo: string) => {
    const client = createPayChannelClient({ baseUrl: fake.url, ...creds });
    const { prepayId } = await client.prepay({ outTradeNo, amountFen: 12_345, description: '医保移动支付 测试', notifyUrl: `${origin}/api/v1/payment/notify/wechat`, expiresAt: new Date(Date.now() + 600_000).toISOString() });
    return { prepayId, url: new URL(client.cashierUrl(prepayId, `${origin}/#/personal/payments?order=${outTradeNo}`)) };
  };
  const post = (prepayId: string, fields: Record<string, string>) =>
    fetch(`${fake.url}/cashier/${prepayId}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(), redirect: 'manual' });

  it('pays: the trade paid, the signed callback sent, the browser back on the platform', async () => {
    const { prepayId, url } = await prepaid('pay_cashier_1');
    const page = await fetch(url);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('¥ 123.45');
    expect(html).toContain('data-testid="cashier-pay"');
    expect(html).toContain('data-testid="cashier-cancel"');
    const back = url.searchParams.get('return')!;
    const paid = await post(prepayId, { outcome: 'pay', return: back });
    expect([paid.status, paid.headers.get('location')]).toEqual([303, back]);
    expect(fake.trades.get('pay_cashier_1')).toMatchObject({ tradeState: 'SUCCESS' });
    const callback = callbacks.find((c) => c.body.includes('pay_cashier_1'));
    expect(callback?.verified).toBe(true);
    expect(JSON.parse(callback!.body)).toMatchObject({ outTradeNo: 'pay_cashier_1', tradeState: 'SUCCESS', amountFen: 12_345 });
    // paid once: the page now says so and offers only the way back; a second Pay sends no second callback
    expect(await (await fetch(url)).text()).toContain('data-testid="cashier-back"');
    const sent = callbacks.length;
    expect((await post(prepayId, { outcome: 'pay', return: back })).status).toBe(303);
    expect(callbacks.length).toBe(sent);
  });

  it('cancels: back to the platform, nothing paid, no callback', async () => {
    const { prepayId, url } = await prepaid('pay_cashier_2');
    const sent = callbacks.length;
    const cancelled = await post(prepayId, { outcome: 'cancel', return: url.searchParams.get('return')! });
    expect([cancelled.status, cancelled.headers.get('location')]).toEqual([303, url.searchParams.get('return')]);
    expect(fake.trades.get('pay_cashier_2')?.tradeState).toBe('NOTPAY');
    expect(callbacks.length).toBe(sent);
  });

  it('sends the browser nowhere but the platform that prepaid, and pays nothing for another address', async () => {
    const { prepayId, url } = await prepaid('pay_cashier_3');
    for (const bad of ['https://evil.example/#/personal/payments', `${origin.replace('127.0.0.1', 'localhost')}/`, `http://user:pw@${origin.slice(7)}/`, 'javascript:alert(1)', '/relative']) {
      const page = new URL(url);
      page.searchParams.set('return', bad);
      expect((await fetch(page)).status, bad).toBe(400);
      expect((await post(prepayId, { outcome: 'pay', return: bad })).status, bad).toBe(400);
    }
    expect(fake.trades.get('pay_cashier_3')?.tradeState).toBe('NOTPAY');
    expect((await fetch(`${fake.url}/cashier/wx-no-such-prepay?return=${encodeURIComponent(origin)}`)).status).toBe(404);
  });
});
