/**
 * HTTP routes of the e-voucher center: the insured person's own voucher, authorizations, codes and
 * family (`/me` …), channels' signed calls (`/verify`, `/channel/…`), scan-to-login, and the risk
 * flags a clerk of the region reads.
 */
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../kernel/context.js';
import { requireActor, requireChannel, type AuthRequirement } from '../../kernel/http/auth.js';
import type { App } from '../../kernel/http/app.js';
import { rateLimit } from '../../kernel/http/rate-limit.js';
import { Body, FileBody, Id, IdNumber, Literals, NoContent, Page, PageQuery, PersonName } from '../../kernel/http/schemas.js';
import * as auth from '../auth/index.js';
import * as service from './service.js';
import { codeSvg, generateCode, registerDevice, verifyCode } from './codes.js';
import { confirmLoginSession, createLoginSession, pollLoginSession } from './login.js';
import { RISK_RULES } from './rules.js';
import { EVIDENCE_CONTENT_TYPES, EVIDENCE_MAX_BYTES, readEvidence, uploadEvidence } from './evidence.js';
import { DomainError } from '../../kernel/errors/index.js';
import {
  AuthorizationView,
  AvailableChannelView,
  ChannelAuthorizationView,
  CodeView,
  DeviceView,
  EvidenceView,
  FamilyMemberView,
  IncomingInvitationView,
  InvitationView,
  LoginConfirmView,
  LoginPollView,
  LoginSessionView,
  RiskEventView,
  UsageView,
  VerifiedIdentityView,
  VoucherView,
} from './contract.js';
import './messages.js';

/** Checked by the voucher rules (format, repeats, runs, birth date), so the answer says which. */
const VoucherPassword = Type.String({ minLength: 1, maxLength: 32, description: '6 位数字电子凭证密码' });
/** The exact shape (YBV1.<id>.<MAC>) is the code parser's to check: a wrong one is a 400 naming `code`. */
const Code = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$', description: '电子凭证动态码 YBV1.<id>.<MAC>' });
const DeviceId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.:-]+$', description: '终端编号' });
const EvidenceRef = Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_.:/-]+$', description: '户口簿 the id of the household-register page you uploaded (POST /voucher/evidence)' });

const person: AuthRequirement = { user: true, kinds: ['person'] };
const realPerson: AuthRequirement = { user: true, kinds: ['person'], level: 3 };

export function voucherRoutes(app: App, ctx: AppContext) {
  // ------------------------------------------------------------------------------ voucher

  app.get('/me', {
    config: { auth: person },
    schema: { tags: ['voucher'], summary: '本人电子凭证 own e-voucher (masked)', response: { 200: VoucherView } },
  }, async (request) => service.myVoucherView(ctx, requireActor(request)));

  app.post('/activate', {
    config: { auth: realPerson },
    schema: {
      tags: ['voucher'],
      summary: '激活电子凭证（实人认证 L3 + 6 位密码） activate: liveness-verified session and a 6-digit password',
      body: Body({ password: VoucherPassword }),
      response: { 200: VoucherView },
    },
  }, async (request) => service.activate(ctx, requireActor(request), request.body.password));

  app.post('/password', {
    config: { auth: person },
    schema: {
      tags: ['voucher'],
      summary: '修改电子凭证密码 change the voucher password',
      body: Body({ oldPassword: VoucherPassword, newPassword: VoucherPassword }),
      response: { 204: NoContent },
    },
  }, async (request, reply) => {
    await service.changePassword(ctx, requireActor(request), request.body);
    return reply.status(204).send(null);
  });

  app.post('/password/reset', {
    config: { auth: realPerson },
    schema: {
      tags: ['voucher'],
      summary: '重置电子凭证密码（需新近实人认证） reset after a fresh liveness check',
      body: Body({ newPassword: VoucherPassword }),
      response: { 204: NoContent },
    },
  }, async (request, reply) => {
    await service.resetPassword(ctx, requireActor(request), request.body.newPassword);
    return reply.status(204).send(null);
  });

  // ---------------------------------------------------------------------- authorization

  app.get('/channels/available', {
    config: { auth: person },
    schema: {
      tags: ['voucher'],
      summary: '可授权渠道（本地区及全国） channel apps you may authorize: your region’s institutions and apps, and national ones',
      response: { 200: Type.Array(AvailableChannelView) },
    },
  }, async (request) => service.availableChannels(ctx, requireActor(request)));

  app.get('/authorizations', {
    config: { auth: person },
    schema: { tags: ['voucher'], summary: '已授权渠道 channels authorized', querystring: Type.Object(PageQuery), response: { 200: Page(AuthorizationView) } },
  }, async (request) => service.listAuthorizations(ctx, requireActor(request), request.query));

  app.post('/authorizations', {
    config: { auth: person },
    schema: { tags: ['voucher'], summary: '授权渠道使用电子凭证 authorize a channel app among those offered (GET /voucher/channels/available); another is a 422 naming appId', body: Body({ appId: Id }), response: { 201: AuthorizationView } },
  }, async (request, reply) => reply.status(201).send(await service.authorizeChannel(ctx, requireActor(request), request.body.appId)));

  app.delete('/authorizations/:appId', {
    config: { auth: person },
    schema: { tags: ['voucher'], summary: '取消渠道授权 revoke a channel authorization', params: Type.Object({ appId: Id }), response: { 204: NoContent } },
  }, async (request, reply) => {
    await service.revokeAuthorization(ctx, requireActor(request), request.params.appId);
    return reply.status(204).send(null);
  });

  app.post('/channel/authorization', {
    config: { auth: { channel: 'voucher.authorization.read' } },
    schema: {
      tags: ['channel'],
      summary: '渠道查询授权状态（签名请求） a channel asks whether a person authorized it',
      body: Body({ idNumber: IdNumber }),
      response: { 200: ChannelAuthorizationView },
    },
  }, async (request) => service.channelAuthorization(ctx, requireChannel(request).appId, request.body.idNumber));

  app.post('/channel/devices', {
    config: { auth: { channel: 'voucher.verify' } },
    schema: { tags: ['channel'], summary: '登记扫码终端（签名请求） register a scanning device', body: Body({ deviceId: DeviceId }), response: { 201: DeviceView } },
  }, async (request, reply) => reply.status(201).send(await registerDevice(ctx, requireChannel(request).appId, request.body.deviceId)));

  // ------------------------------------------------------------------------------ codes

  app.post('/codes', {
    config: { auth: person },
    schema: {
      tags: ['voucher'],
      summary: '生成动态二维码（本人或家庭成员） generate a dynamic code for an authorized channel, own or a family member’s',
      body: Body({ channelAppId: Id, memberId: Type.Optional(Id) }),
      response: { 201: CodeView },
    },
  }, async (request, reply) => reply.status(201).send(await generateCode(ctx, requireActor(request), request.body)));

  // By the code's id (`codeId` of the generation), never the code: a URL ends up in logs, and the code is a live credential.
  app.get('/codes/:codeId/qr', {
    config: { auth: person },
    schema: {
      tags: ['voucher'],
      summary: '二维码图片（SVG，按需绘制） the QR image of one of your codes, by its codeId',
      params: Type.Object({ codeId: Id }),
      response: { 200: FileBody('image/svg+xml', '二维码 SVG') },
    },
  }, async (request, reply) => reply.type('image/svg+xml').header('cache-control', 'no-store').send(await codeSvg(ctx, requireActor(request), request.params.codeId)));

  app.post('/verify', {
    config: { auth: { channel: 'voucher.verify' } },
    schema: {
      tags: ['channel'],
      summary:
        '机构在线核验二维码（签名请求，一码一次） an institution verifies a code once: the insurance identity (凭证类型 01) and, for an app bound to an institution, the settlement token (结算授权令牌) its settlement needs',
      body: Body({ code: Code, deviceId: Type.Optional(DeviceId) }),
      response: { 200: VerifiedIdentityView },
    },
  }, async (request) => verifyCode(ctx, requireChannel(request), request.body));

  // ----------------------------------------------------------------------------- family

  // The file is the body itself (no multipart): JPEG, PNG or PDF, checked by its first bytes.
  app.addContentTypeParser(EVIDENCE_CONTENT_TYPES as unknown as string[], { parseAs: 'buffer', bodyLimit: EVIDENCE_MAX_BYTES }, (_request, body, done) => done(null, body));

  app.post('/evidence', {
    bodyLimit: EVIDENCE_MAX_BYTES,
    config: { auth: person },
    schema: {
      tags: ['voucher'],
      summary: '上传证明材料（户口簿页等） upload an evidence file, e.g. the household-register page binding a child',
      description: `Body: the file itself, \`Content-Type: image/jpeg\`, \`image/png\` or \`application/pdf\`, up to ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB; the first bytes must be of that type (422 naming \`body\`). The answer's id is the \`evidenceRef\` of POST /voucher/family/children.`,
      response: { 201: EvidenceView },
    },
  }, async (request, reply) => {
    const content = request.body;
    if (!Buffer.isBuffer(content)) throw new DomainError('voucher.evidence_type', 'unsupported_media', {}, 'content-type');
    const stored = await uploadEvidence(ctx, requireActor(request), content, request.headers['content-type']?.split(';')[0].trim().toLowerCase());
    // the audit record keeps what was stored, not the file
    (request as { body: unknown }).body = { contentType: stored.contentType, sizeBytes: stored.sizeBytes, sha256: stored.sha256 };
    return reply.status(201).send(stored);
  });

  app.get('/evidence/:id', {
    config: { auth: { user: true } },
    schema: {
      tags: ['voucher'],
      summary: '证明材料文件（上传人本人或本辖区经办人员） an evidence file, for its uploader or a clerk of their region (registry.read)',
      params: Type.Object({ id: Id }),
      response: { 200: FileBody('application/octet-stream', 'JPEG, PNG or PDF') },
    },
  }, async (request, reply) => {
    const file = await readEvidence(ctx, requireActor(request), request.params.id);
    return reply.type(file.contentType).header('cache-control', 'private, no-store').header('x-content-type-options', 'nosniff').header('etag', `"${file.sha256}"`).send(file.content);
  });

  app.get('/family', {
    config: { auth: person },
    schema: { tags: ['voucher'], summary: '家庭成员 family members', querystring: Type.Object(PageQuery), response: { 200: Page(FamilyMemberView) } },
  }, async (request) => service.listFamily(ctx, requireActor(request), request.query));

  app.post('/family/children', {
    config: { auth: person },
    schema: {
      tags: ['voucher'],
      summary: '添加未满16周岁子女（监护人，凭户口簿） add a child under 16 on household-register evidence',
      body: Body({ idNumber: IdNumber, name: PersonName, evidenceRef: EvidenceRef }),
      response: { 201: FamilyMemberView },
    },
  }, async (request, reply) => reply.status(201).send(await service.addChild(ctx, requireActor(request), request.body)));

  app.post('/family/invitations', {
    config: { auth: person },
    schema: {
      tags: ['voucher'],
      summary: '邀请成年家庭成员（须本人实人认证同意） invite an adult member; they consent at L3',
      body: Body({ idNumber: IdNumber, name: PersonName }),
      response: { 201: InvitationView },
    },
  }, async (request, reply) => reply.status(201).send(await service.inviteAdult(ctx, requireActor(request), request.body)));

  app.get('/family/invitations', {
    config: { auth: person },
    schema: {
      tags: ['voucher'],
      summary: '待我同意的邀请 invitations waiting for your consent',
      querystring: Type.Object(PageQuery),
      response: { 200: Page(IncomingInvitationView) },
    },
  }, async (request) => service.incomingInvitations(ctx, requireActor(request), request.query));

  app.post('/family/invitations/:id/accept', {
    config: { auth: realPerson },
    schema: {
      tags: ['voucher'],
      summary: '同意成为家庭成员（L3） consent to become a family member',
      params: Type.Object({ id: Id }),
      response: { 201: FamilyMemberView },
    },
  }, async (request, reply) => reply.status(201).send(await service.acceptInvitation(ctx, requireActor(request), request.params.id)));

  app.delete('/family/:id', {
    config: { auth: person },
    schema: { tags: ['voucher'], summary: '移除家庭成员 remove a family member', params: Type.Object({ id: Id }), response: { 204: NoContent } },
  }, async (request, reply) => {
    await service.removeMember(ctx, requireActor(request), request.params.id);
    return reply.status(204).send(null);
  });

  // ----------------------------------------------------------------------- scan to login

  app.post('/login-sessions', {
    config: { auth: { public: true } },
    schema: { tags: ['voucher'], summary: '扫码登录：生成登录二维码 scan-to-login: a login QR for the web page', response: { 201: LoginSessionView } },
  }, async (request, reply) => {
    await rateLimit(ctx.cache, `vls:${request.ip}`, ctx.config.auth.loginPerIpPerMinute, 60_000);
    return reply.status(201).send(await createLoginSession(ctx));
  });

  app.get('/login-sessions/:id', {
    config: { auth: { public: true } },
    schema: {
      tags: ['voucher'],
      summary: '扫码登录：轮询（确认后首次轮询返回令牌） poll with the session’s poll token in X-Poll-Token; tokens on the first poll after confirmation',
      params: Type.Object({ id: Id }),
      // A header, not the query: whoever reads a logged URL with the poll token could take the tokens.
      headers: Type.Object({ 'x-poll-token': Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: '创建登录二维码时返回的 pollToken' }) }),
      response: { 200: LoginPollView },
    },
  }, async (request) => pollLoginSession(ctx, request.params.id, request.headers['x-poll-token'], request.ip));

  app.post('/login-sessions/:id/confirm', {
    config: { auth: person },
    schema: { tags: ['voucher'], summary: '扫码登录：凭证持有人确认 the voucher holder confirms', params: Type.Object({ id: Id }), response: { 200: LoginConfirmView } },
  }, async (request) => confirmLoginSession(ctx, requireActor(request), request.params.id));

  // ----------------------------------------------------------------------- usage and risk

  app.get('/usage', {
    config: { auth: person },
    schema: { tags: ['voucher'], summary: '本人用码记录 own generations, verifications and logins', querystring: Type.Object(PageQuery), response: { 200: Page(UsageView) } },
  }, async (request) => service.usageHistory(ctx, requireActor(request), request.query));

  app.get('/risk-events', {
    config: { auth: { user: true, permission: auth.PERMISSIONS.voucherRiskRead } },
    schema: {
      tags: ['voucher'],
      summary: '凭证风险事件（本辖区） risk flags in your region',
      querystring: Type.Object({ ...PageQuery, rule: Type.Optional(Literals(RISK_RULES)) }),
      response: { 200: Page(RiskEventView) },
    },
  }, async (request) => service.listRiskEvents(ctx, await requireActor(request).scope(), request.query));
}
