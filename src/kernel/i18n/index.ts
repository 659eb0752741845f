/** Messages for stable error codes, in zh-CN (default) and English. Centers add theirs with registerMessages. */
export type Locale = 'zh-CN' | 'en';
export interface Message {
  zh: string;
  en: string;
}

const catalog = new Map<string, Message>();

export function registerMessages(messages: Record<string, Message>): void {
  for (const [code, message] of Object.entries(messages)) catalog.set(code, message);
}

export function hasMessage(code: string): boolean {
  return catalog.has(code);
}

/** Picks the locale from an Accept-Language header: English only when it is preferred over Chinese. */
export function localeFrom(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

export function translate(code: string, locale: Locale, params: Record<string, unknown> = {}): string {
  const message = catalog.get(code);
  if (!message) return code;
  const template = locale === 'en' ? message.en : message.zh;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (params[name] === undefined ? `{${name}}` : String(params[name])));
}

registerMessages({
  'request.invalid': { zh: '请求参数不正确：{detail}', en: 'Invalid request: {detail}' },
  'request.field_invalid': { zh: '字段 {field} 不正确：{detail}', en: 'Field {field} is invalid: {detail}' },
  'request.body_malformed': { zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  'request.body_too_large': { zh: '请求体过大', en: 'The request body is too large' },
  'request.unsupported_media_type': { zh: '不支持的内容类型', en: 'Unsupported content type' },
  'request.uri_too_long': { zh: '请求地址过长', en: 'The request URL is too long' },
  'request.headers_too_large': { zh: '请求头过大', en: 'The request headers are too large' },
  'request.conflict': { zh: '记录已存在或正被同时修改，请刷新后重试', en: 'The record already exists or was changed at the same time: reload and retry' },
  'request.not_found': { zh: '资源不存在', en: 'Resource not found' },
  'request.method_not_allowed': { zh: '不支持该请求方法', en: 'Method not allowed' },
  'request.rate_limited': { zh: '请求过于频繁，请稍后再试', en: 'Too many requests, try again later' },
  'request.idempotency_conflict': {
    zh: '同一幂等键已用于不同的请求',
    en: 'This Idempotency-Key was already used for a different request',
  },
  'server.internal': { zh: '服务器内部错误，请稍后再试', en: 'Internal server error, please try again later' },
  'server.unavailable': { zh: '服务暂不可用', en: 'Service unavailable' },
  'auth.unauthenticated': { zh: '请先登录', en: 'Authentication required' },
  'auth.forbidden': { zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  'auth.no_org': { zh: '该账号未归属机构，不能办理此业务', en: 'This account belongs to no organization and cannot do this' },
  'auth.permission_missing': { zh: '缺少权限：{permission}', en: 'Missing permission: {permission}' },
  'auth.capability_missing': { zh: '应用未开通能力：{capability}', en: 'The application lacks capability: {capability}' },
  'auth.level_required': {
    zh: '此操作需要更高的认证等级（L{level}），请先完成实名或实人认证',
    en: 'This needs a higher assurance level (L{level}): complete real-name or liveness verification first',
  },
});
