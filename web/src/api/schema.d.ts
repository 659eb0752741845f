/**
 * The platform's API types, generated from its routes' schemas by scripts/openapi.ts
 * (npm run api:types): do not edit; change the route's schema and generate again.
 */

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 存活检查 liveness */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 存活 alive */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 就绪检查（数据库与缓存） readiness: database and cache */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 就绪 readiness of the database and the cache */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: "ready" | "not_ready";
                            database: "ok" | "down";
                            databaseKind: "pglite" | "postgres";
                            cache: "ok" | "down";
                            cacheKind: "redis" | "memory";
                        };
                    };
                };
                /** @description 就绪 readiness of the database and the cache */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: "ready" | "not_ready";
                            database: "ok" | "down";
                            databaseKind: "pglite" | "postgres";
                            cache: "ok" | "down";
                            cacheKind: "redis" | "memory";
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 基准路由 trivial JSON baseline */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description pong */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            pong: true;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 审计日志 audit records, newest first */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                    actorId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** Format: date-time */
                                occurredAt: string;
                                actorId: string | null;
                                /** @description account kind, 'channel', 'system' or 'anonymous' */
                                actorKind: string;
                                /** @description 操作人 the account’s name, masked, with its login name when it has one; null for no account */
                                actorName: string | null;
                                /** @description "METHOD /route", or a domain action */
                                action: string;
                                /** @description the route's parameters as JSON, when it has any */
                                target: string | null;
                                /** @description HTTP status of the answer */
                                status: number;
                                requestId: string | null;
                                ip: string | null;
                                /** @description the request body, secrets redacted */
                                detail: {
                                    [key: string]: unknown;
                                };
                                prevHash: string;
                                hash: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 校验审计链（含签名锚点） verify the audit hash chain against its signed checkpoints */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 审计链校验结果 the verdict on the audit chain */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            ok: true;
                            checked: number;
                            lastId: number | null;
                            /** @description 审计链锚点 a signed checkpoint of the chain (DATA_DIR/audit/checkpoints.log) */
                            checkpoint: {
                                /** @description the record the checkpoint names (0 when its line names none) */
                                id: number;
                                /** Format: date-time */
                                at: string | null;
                                /** @description its line in the checkpoint file */
                                line: number;
                            } | null;
                        } | {
                            /** @enum {boolean} */
                            ok: false;
                            checked: number;
                            firstBadId: number;
                            reason: "hash_mismatch" | "broken_link" | "truncated" | "checkpoint_mismatch" | "checkpoint_forged";
                            lastId?: number | null;
                            /** @description 审计链锚点 a signed checkpoint of the chain (DATA_DIR/audit/checkpoints.log) */
                            checkpoint?: {
                                /** @description the record the checkpoint names (0 when its line names none) */
                                id: number;
                                /** Format: date-time */
                                at: string | null;
                                /** @description its line in the checkpoint file */
                                line: number;
                            };
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sms/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 发送短信验证码 send a one-time code */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: cn-mobile
                         * @description 手机号
                         */
                        phone: string;
                        purpose: "register" | "login" | "change_phone" | "reset_password";
                    };
                };
            };
            responses: {
                /** @description 验证码已发送 a code was sent */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            sent: true;
                            ttlSec: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 密码登录 password login */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        identifier: string;
                        password: string;
                        kind?: "person" | "unit_agent" | "institution_staff" | "enterprise" | "agency_staff" | "expert" | "admin";
                    };
                };
            };
            responses: {
                /** @description 密码登录结果 a password login */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accessToken: string;
                            refreshToken: string;
                            /** @enum {string} */
                            tokenType: "Bearer";
                            /** @description seconds */
                            expiresIn: number;
                            /** @description 密码已超过有效期 the password is past its maximum age */
                            passwordExpired: boolean;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login/sms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 短信验证码登录 SMS code login */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: cn-mobile
                         * @description 手机号
                         */
                        phone: string;
                        code: string;
                        kind?: "person" | "unit_agent" | "institution_staff" | "enterprise" | "agency_staff" | "expert" | "admin";
                    };
                };
            };
            responses: {
                /** @description 访问令牌与刷新令牌 the tokens of a session */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accessToken: string;
                            refreshToken: string;
                            /** @enum {string} */
                            tokenType: "Bearer";
                            /** @description seconds */
                            expiresIn: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/certificates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登记单位 SM2 数字证书公钥 register an SM2 public key */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        publicKey: string;
                    };
                };
            };
            responses: {
                /** @description 单位数字证书 a unit certificate */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            unitId: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/cert/challenge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 证书登录挑战 certificate login challenge */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: cn-credit-code
                         * @description 统一社会信用代码 (GB 32100)
                         */
                        creditCode: string;
                    };
                };
            };
            responses: {
                /** @description 证书登录挑战 a certificate login challenge */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            challengeId: string;
                            nonce: string;
                            expiresIn: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login/cert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 数字证书登录 certificate login: SM2 signature (DER hex, signer id 1234567812345678) over the nonce */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        challengeId: string;
                        signature: string;
                    };
                };
            };
            responses: {
                /** @description 访问令牌与刷新令牌 the tokens of a session */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accessToken: string;
                            refreshToken: string;
                            /** @enum {string} */
                            tokenType: "Bearer";
                            /** @description seconds */
                            expiresIn: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login/third-party": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 第三方账号登录 WeChat / Alipay login; a browser that started at /oauth/{provider}/authorize gives its state and verifier */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        provider: "wechat" | "alipay";
                        code: string;
                        state?: string;
                        verifier?: string;
                    };
                };
            };
            responses: {
                /** @description 访问令牌与刷新令牌 the tokens of a session */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accessToken: string;
                            refreshToken: string;
                            /** @enum {string} */
                            tokenType: "Bearer";
                            /** @description seconds */
                            expiresIn: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oauth/{provider}/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 发起网页授权 start a WeChat / Alipay authorization in this browser (state valid 5 minutes, once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    provider: "wechat" | "alipay";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 网页授权 a started WeChat / Alipay authorization */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description 服务商授权页 the provider’s page to send the browser to */
                            authorizeUrl: string;
                            /** @description the OAuth state in that URL */
                            state: string;
                            /** @description kept by this browser only, given back with the code; never put in a URL */
                            verifier: string;
                            /** @description seconds */
                            expiresIn: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oauth/{provider}/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 网页授权回调 the provider sends the browser here; it goes on to the hall’s login page (the code only with a live state) */
        get: {
            parameters: {
                query?: {
                    code?: string;
                    state?: string;
                    error?: string;
                };
                header?: never;
                path: {
                    provider: "wechat" | "alipay";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description See Other: the hall’s login page on this origin (Location) */
                303: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/bindings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 第三方账号绑定列表 own third-party bindings */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                provider: "wechat" | "alipay";
                                openId: string;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** 绑定第三方账号 bind WeChat / Alipay */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        provider: "wechat" | "alipay";
                        code: string;
                    };
                };
            };
            responses: {
                /** @description 绑定成功 bound */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            provider: "wechat" | "alipay";
                            /** @enum {boolean} */
                            bound: true;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/bindings/{provider}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 解除第三方绑定 unbind */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    provider: "wechat" | "alipay";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/token/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 刷新令牌（轮换） rotate the refresh token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        refreshToken: string;
                    };
                };
            };
            responses: {
                /** @description 访问令牌与刷新令牌 the tokens of a session */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accessToken: string;
                            refreshToken: string;
                            /** @enum {string} */
                            tokenType: "Bearer";
                            /** @description seconds */
                            expiresIn: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退出登录 log out */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退出所有设备 log out everywhere */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 已注销的会话数 sessions ended */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            revoked: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本人登录与认证记录 own login history */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** Format: date-time */
                                at: string;
                                method: string;
                                channel: string;
                                result: "success" | "failure";
                                reason: string | null;
                                ip: string | null;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/realname": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 实名认证 (L2) real-name verification */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /**
                         * Format: cn-id-number
                         * @description 居民身份证号码 (GB 11643)
                         */
                        idNumber: string;
                    };
                };
            };
            responses: {
                /** @description 认证等级提升 the raised level */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description 认证等级 1 account, 2 real-name (实名), 3 real-person (实人) */
                            authLevel: number;
                            accessToken: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/liveness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 发起实人认证 (L3) start a liveness check */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uri */
                        returnUrl?: string;
                    };
                };
            };
            responses: {
                /** @description 实人认证会话 a liveness session */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            bizToken: string;
                            url: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/liveness/{bizToken}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 确认实人认证结果 confirm the liveness result */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    bizToken: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 认证等级提升 the raised level */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description 认证等级 1 account, 2 real-name (实名), 3 real-person (实人) */
                            authLevel: number;
                            accessToken: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本人权限与菜单 own permissions and menus */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 本人权限与菜单 */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            permissions: string[];
                            menus: components["schemas"]["AuthMenu"][];
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/orgs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 组织机构树（本机构及下级） org tree in scope, its root as the one item */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AuthOrgNode"][];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** 新增下级机构 add a child organization */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        parentId: string;
                        name: string;
                        level: "province" | "city" | "agency";
                        /**
                         * Format: region-code
                         * @description 行政区划代码
                         */
                        regionCode: string;
                    };
                };
            };
            responses: {
                /** @description 组织机构 an organization */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            parentId: string | null;
                            name: string;
                            level: "national" | "province" | "city" | "agency";
                            regionCode: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/resources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 资源树 resource tree, its subsystems as the items */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["AuthResourceNode"][];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 可见角色 roles in scope */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                code: string;
                                name: string;
                                kind: "business" | "admin";
                                orgId: string;
                                builtIn: boolean;
                                permissions: string[];
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** 新增角色 create a role */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: string;
                        name: string;
                        kind: "business" | "admin";
                        orgId: string;
                        permissions: string[];
                    };
                };
            };
            responses: {
                /** @description 角色 a role */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            code: string;
                            name: string;
                            kind: "business" | "admin";
                            orgId: string;
                            builtIn: boolean;
                            permissions: string[];
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 账号的角色 roles of an account */
        get: {
            parameters: {
                query: {
                    accountId: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                accountId: string;
                                role: {
                                    id: string;
                                    code: string;
                                    name: string;
                                };
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** 授予角色 grant a role */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        accountId: string;
                        roleId: string;
                    };
                };
            };
            responses: {
                /** @description 授权 a granted role */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            accountId: string;
                            role: {
                                id: string;
                                code: string;
                                name: string;
                            };
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/grants/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 收回角色 revoke a grant */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 渠道应用 channel apps in scope */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                appId: string;
                                name: string;
                                /** @description English display name; null shows `name` */
                                nameEn: string | null;
                                capabilities: string[];
                                /** @description 绑定的定点医药机构编码 the designated institution the app acts for; settlement, payment and bills take it from here */
                                institutionCode: string | null;
                                status: "active" | "disabled";
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** 注册渠道应用（密钥只显示一次） register a channel app; the secret is shown once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @description English display name */
                        nameEn?: string;
                        capabilities: ("auth.introspect" | "user.basic.read" | "bill.issue" | "bill.read" | "bill.mark_used" | "voucher.verify" | "voucher.authorization.read" | "settlement.settle" | "payment.order")[];
                        /** @description 定点医药机构编码, e.g. H41130200746 */
                        institutionCode?: string;
                    };
                };
            };
            responses: {
                /** @description 新注册的渠道应用（含密钥） a new channel app and its secret */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appId: string;
                            name: string;
                            /** @description English display name; null shows `name` */
                            nameEn: string | null;
                            capabilities: string[];
                            /** @description 绑定的定点医药机构编码 the designated institution the app acts for; settlement, payment and bills take it from here */
                            institutionCode: string | null;
                            secret: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/channels/{appId}/institution": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 绑定定点医药机构（null 解除绑定） bind a channel app to a designated institution; null unbinds */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 定点医药机构编码, e.g. H41130200746 */
                        institutionCode: string | null;
                    };
                };
            };
            responses: {
                /** @description 渠道应用 a channel app */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appId: string;
                            name: string;
                            /** @description English display name; null shows `name` */
                            nameEn: string | null;
                            capabilities: string[];
                            /** @description 绑定的定点医药机构编码 the designated institution the app acts for; settlement, payment and bills take it from here */
                            institutionCode: string | null;
                            status: "active" | "disabled";
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/channel/introspect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 渠道校验用户令牌（签名请求） a channel checks a user token (signed request) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        accessToken: string;
                    };
                };
            };
            responses: {
                /** @description 令牌校验结果 a token introspection */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            active: boolean;
                            accountId?: string;
                            kind?: "person" | "unit_agent" | "institution_staff" | "enterprise" | "agency_staff" | "expert" | "admin";
                            /** @description 认证等级 1 account, 2 real-name (实名), 3 real-person (实人) */
                            authLevel?: number;
                            /** @description seconds since the epoch */
                            expiresAt?: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/user/persons/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 个人注册 register an insured person */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /**
                         * Format: cn-id-number
                         * @description 居民身份证号码 (GB 11643)
                         */
                        idNumber: string;
                        /**
                         * Format: cn-mobile
                         * @description 手机号
                         */
                        phone: string;
                        smsCode: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description 注册结果 a registration */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description 账号 an account */
                            account: {
                                id: string;
                                kind: "person" | "unit_agent" | "institution_staff" | "enterprise" | "agency_staff" | "expert" | "admin";
                                loginName: string | null;
                                /** @description 姓名，脱敏（完整信息经审计的 reveal 查看） masked; in full only through an audited reveal */
                                name: string;
                                /** @description 身份证号，脱敏 masked likewise */
                                idNumber: string | null;
                                /** @description 手机号，脱敏 masked likewise */
                                phone: string | null;
                                email: string | null;
                                address: string | null;
                                status: "active" | "locked" | "deactivated";
                                /** @description 认证等级 1 account, 2 real-name (实名), 3 real-person (实人) */
                                authLevel: number;
                                orgId: string | null;
                                enterpriseType: string | null;
                                creditCode: string | null;
                                units: {
                                    id: string;
                                    name: string;
                                    creditCode: string;
                                    role: "manager" | "agent";
                                }[];
                                /** Format: date-time */
                                createdAt: string;
                            };
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/user/units/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 单位注册（含首位经办人） register a unit with its first agent */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        unitName: string;
                        /**
                         * Format: cn-credit-code
                         * @description 统一社会信用代码 (GB 32100)
                         */
                        creditCode: string;
                        agent: {
                            name: string;
                            /**
                             * Format: cn-id-number
                             * @description 居民身份证号码 (GB 11643)
                             */
                            idNumber: string;
                            /**
                             * Format: cn-mobile
                             * @description 手机号
                             */
                            phone: string;
                            password: string;
                        };
                        smsCode: string;
                    };
                };
            };
            responses: {
                /** @description 单位注册结果 a unit registration */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            unit: {
                                id: string;
                                name: string;
                                creditCode: string;
                            };
                            /** @description 账号 an account */
                            account: {
                                id: string;
                                kind: "person" | "unit_agent" | "institution_staff" | "enterprise" | "agency_staff" | "expert" | "admin";
                                loginName: string | null;
                                /** @description 姓名，脱敏（完整信息经审计的 reveal 查看） masked; in full only through an audited reveal */
                                name: string;
                                /** @description 身份证号，脱敏 masked likewise */
                                idNumber: string | null;
                                /** @description 手机号，脱敏 masked likewise */
                                phone: string | null;
                                email: string | null;
                                address: string | null;
                                status: "active" | "locked" | "deactivated";
                                /** @description 认证等级 1 account, 2 real-name (实名), 3 real-person (实人) */
                                authLevel: number;
                                orgId: string | null;
                                enterpriseType: string | null;
                                creditCode: string | null;
                                units: {
                                    id: string;
                                    name: string;
                                    creditCode: string;
                                    role: "manager" | "agent";
                                }[];
                                /** Format: date-time */
                                createdAt: string;
                            };
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/user/enterprises/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 企业注册（药企、耗材、配送） register an enterprise */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /**
                         * Format: cn-credit-code
                         * @description 统一社会信用代码 (GB 32100)
                         */
                        creditCode: string;
                        /** @description 药企 pharma / 耗材企业 consumable / 配送企业 delivery */
                        enterpriseType: "pharma" | "consumable" | "delivery";
                        loginName: string;
                        /**
                         * Format: cn-mobile
                         * @description 手机号
                         */
                        phone: string;
                        smsCode: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description 注册结果 a registration */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description 账号 an account */
                            account: {
                                id: string;
                                kind: "person" | "unit_agent" | "institution_staff" | "enterprise" | "agency_staff" | "expert" | "admin";
                                loginName: string | null;
                                /** @description 姓名，脱敏（完整信息经审计的 reveal 查看） masked; in full only through an audited reveal */
                                name: string;
                                /** @description 身份证号，脱敏 masked likewise */
                                idNumber: string | null;
                                /** @description 手机号，脱敏 masked likewise */
                                phone: string | null;
                                email: string | null;
                                address: string | null;
                                status: "active" | "locked" | "deactivated";
                                /** @description 认证等级 1 account, 2 real-name (实名), 3 real-person (实人) */
                                authLevel: number;
                                orgId: string | null;
                                enterpriseType: string | null;
                                creditCode: string | null;
                                units: {
                                    id: string;
                                    name: string;
                                    creditCode: string;
                                    role: "manager" | "agent";
                                }[];
                                /** Format: date-time */
                                createdAt: string;
                            };
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/user/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本人资料 own profile (masked) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 本人资料 own profile */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: "person" | "unit_agent" | "institution_staff" | "enterprise" | "agency_staff" | "expert" | "admin";
                            loginName: string | null;
                            /** @description 姓名，脱敏（完整信息经审计的 reveal 查看） masked; in full only through an audited reveal */
                            name: string;
                            /** @description 身份证号，脱敏 masked likewise */
                            idNumber: string | null;
                            /** @description 手机号，脱敏 masked likewise */
                            phone: string | null;
                            email: string | null;
                            address: string | null;
                            status: "active" | "locked" | "deactivated";
                            /** @description 认证等级 1 account, 2 real-name (实名), 3 real-person (实人) */
                            authLevel: number;
                            orgId: string | null;
                            enterpriseType: string | null;
                            creditCode: string | null;
                            units: {
                                id: string;
                                name: string;
                                creditCode: string;
                                role: "manager" | "agent";
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                            org: {
                                id: string;
                                name: string;
                                regionCode: string;
                            } | null;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改本人资料 update own profile */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email?: string;
                        address?: string;
                    };
                };
            };
            responses: {
                /** @description 账号 an account */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: "person" | "unit_agent" | "institution_staff" | "enterprise" | "agency_staff" | "expert" | "admin";
                            loginName: string | null;
                            /** @description 姓名，脱敏（完整信息经审计的 reveal 查看） masked; in full only through an audited reveal */
                            name: string;
                            /** @description 身份证号，脱敏 masked likewise */
                            idNumber: string | null;
                            /** @description 手机号，脱敏 masked likewise */
                            phone: string | null;
                            email: string | null;
                            address: string | null;
                            status: "active" | "locked" | "deactivated";
                            /** @description 认证等级 1 account, 2 real-name (实名), 3 real-person (实人) */
                            authLevel: number;
                            orgId: string | null;
                            enterpriseType: string | null;
                            creditCode: string | null;
                            units: {
                                id: string;
                                name: string;
                                creditCode: string;
                                role: "manager" | "agent";
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/user/me/phone": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 更换手机号（短信验证新号码） change phone */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: cn-mobile
                         * @description 手机号
                         */
                        newPhone: string;
                        smsCode: string;
                    };
                };
            };
            responses: {
                /** @description 新手机号（脱敏） the new phone, masked */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            phone: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/user/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 修改密码（所有会话将被注销，含本会话） change password; every session ends, this one too */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        oldPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description 密码已修改 the password changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            changed: true;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/user/password/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 忘记密码：凭发到手机的验证码（purpose reset_password）重置密码，所有会话结束 reset a forgotten password with a code sent to the phone; every session ends */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: cn-mobile
                         * @description 手机号
                         */
                        phone: string;
                        smsCode: string;
                        newPassword: string;
                        kind?: "person" | "unit_agent" | "institution_staff" | "enterprise" | "agency_staff" | "expert" | "admin";
                    };
                };
            };
            responses: {
                /** @description 密码已重置，所有会话已结束 the password is reset and every session ended */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            reset: true;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/user/me/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 注销账号 deactivate own account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                    };
                };
            };
            responses: {
                /** @description 账号已注销 the account is deactivated */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            deactivated: true;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/user/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 账号列表（本机构范围） accounts in scope */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                    kind?: string;
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                kind: "person" | "unit_agent" | "institution_staff" | "enterprise" | "agency_staff" | "expert" | "admin";
                                loginName: string | null;
                                /** @description 姓名，脱敏（完整信息经审计的 reveal 查看） masked; in full only through an audited reveal */
                                name: string;
                                /** @description 身份证号，脱敏 masked likewise */
                                idNumber: string | null;
                                /** @description 手机号，脱敏 masked likewise */
                                phone: string | null;
                                email: string | null;
                                address: string | null;
                                status: "active" | "locked" | "deactivated";
                                /** @description 认证等级 1 account, 2 real-name (实名), 3 real-person (实人) */
                                authLevel: number;
                                orgId: string | null;
                                enterpriseType: string | null;
                                creditCode: string | null;
                                units: {
                                    id: string;
                                    name: string;
                                    creditCode: string;
                                    role: "manager" | "agent";
                                }[];
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** 新增机构人员账号 create a staff account in scope */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        kind: "institution_staff" | "agency_staff" | "expert" | "admin";
                        loginName: string;
                        name: string;
                        /**
                         * Format: cn-mobile
                         * @description 手机号
                         */
                        phone: string;
                        /**
                         * Format: cn-id-number
                         * @description 居民身份证号码 (GB 11643)
                         */
                        idNumber?: string;
                        orgId: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description 账号 an account */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: "person" | "unit_agent" | "institution_staff" | "enterprise" | "agency_staff" | "expert" | "admin";
                            loginName: string | null;
                            /** @description 姓名，脱敏（完整信息经审计的 reveal 查看） masked; in full only through an audited reveal */
                            name: string;
                            /** @description 身份证号，脱敏 masked likewise */
                            idNumber: string | null;
                            /** @description 手机号，脱敏 masked likewise */
                            phone: string | null;
                            email: string | null;
                            address: string | null;
                            status: "active" | "locked" | "deactivated";
                            /** @description 认证等级 1 account, 2 real-name (实名), 3 real-person (实人) */
                            authLevel: number;
                            orgId: string | null;
                            enterpriseType: string | null;
                            creditCode: string | null;
                            units: {
                                id: string;
                                name: string;
                                creditCode: string;
                                role: "manager" | "agent";
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/user/accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 查看账号（本人或管理范围内） one account: self, or in an admin’s scope */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 账号 an account */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: "person" | "unit_agent" | "institution_staff" | "enterprise" | "agency_staff" | "expert" | "admin";
                            loginName: string | null;
                            /** @description 姓名，脱敏（完整信息经审计的 reveal 查看） masked; in full only through an audited reveal */
                            name: string;
                            /** @description 身份证号，脱敏 masked likewise */
                            idNumber: string | null;
                            /** @description 手机号，脱敏 masked likewise */
                            phone: string | null;
                            email: string | null;
                            address: string | null;
                            status: "active" | "locked" | "deactivated";
                            /** @description 认证等级 1 account, 2 real-name (实名), 3 real-person (实人) */
                            authLevel: number;
                            orgId: string | null;
                            enterpriseType: string | null;
                            creditCode: string | null;
                            units: {
                                id: string;
                                name: string;
                                creditCode: string;
                                role: "manager" | "agent";
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/user/accounts/{id}/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 显示完整信息（审计） an account’s name, identity number, phone and credit code in full; each reveal is audited */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 查看原因 why (kept in the audit record) */
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description 账号完整信息 an account in full */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            idNumber: string | null;
                            phone: string | null;
                            creditCode: string | null;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/user/accounts/{id}/lock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 锁定账号 lock an account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 锁定状态 lock status */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            status: "active" | "locked";
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/user/accounts/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 解锁账号 unlock an account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 锁定状态 lock status */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            status: "active" | "locked";
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/user/units/{unitId}/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 单位经办人列表 agents of a unit */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                };
                header?: never;
                path: {
                    unitId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                bindingId: string;
                                accountId: string;
                                name: string;
                                phone: string | null;
                                role: "manager" | "agent";
                                status: "active" | "revoked";
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** 新增经办人（单位管理员） add an agent */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    unitId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /**
                         * Format: cn-id-number
                         * @description 居民身份证号码 (GB 11643)
                         */
                        idNumber: string;
                        /**
                         * Format: cn-mobile
                         * @description 手机号
                         */
                        phone: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description 账号 an account */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: "person" | "unit_agent" | "institution_staff" | "enterprise" | "agency_staff" | "expert" | "admin";
                            loginName: string | null;
                            /** @description 姓名，脱敏（完整信息经审计的 reveal 查看） masked; in full only through an audited reveal */
                            name: string;
                            /** @description 身份证号，脱敏 masked likewise */
                            idNumber: string | null;
                            /** @description 手机号，脱敏 masked likewise */
                            phone: string | null;
                            email: string | null;
                            address: string | null;
                            status: "active" | "locked" | "deactivated";
                            /** @description 认证等级 1 account, 2 real-name (实名), 3 real-person (实人) */
                            authLevel: number;
                            orgId: string | null;
                            enterpriseType: string | null;
                            creditCode: string | null;
                            units: {
                                id: string;
                                name: string;
                                creditCode: string;
                                role: "manager" | "agent";
                            }[];
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/user/units/{unitId}/agents/{accountId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 解除经办人 revoke an agent */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    unitId: string;
                    accountId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/insurance-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 险种列表（任何已登录账户） insurance types, for any signed-in account */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                code: string;
                                name: string;
                                nameEn: string;
                                /** @description 该险种接受的参保类别 the enrollment kinds the type admits: employee 单位职工, flexible 灵活就业, resident 城乡居民 */
                                enrollmentKinds: ("employee" | "flexible" | "resident")[];
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** 新增险种 add an insurance type (data, no code) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 险种代码, e.g. 310, 390, 410, 510 */
                        code: string;
                        name: string;
                        nameEn: string;
                        /** @description 该险种接受的参保类别 the enrollment kinds the type admits */
                        enrollmentKinds: ("employee" | "flexible" | "resident")[];
                    };
                };
            };
            responses: {
                /** @description 险种 an insurance type */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            name: string;
                            nameEn: string;
                            /** @description 该险种接受的参保类别 the enrollment kinds the type admits: employee 单位职工, flexible 灵活就业, resident 城乡居民 */
                            enrollmentKinds: ("employee" | "flexible" | "resident")[];
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/insurance-types/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改险种名称或其接受的参保类别 rename an insurance type or change the enrollment kinds it admits (existing enrollments stay) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 险种代码, e.g. 310, 390, 410, 510 */
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        nameEn?: string;
                        /** @description 该险种接受的参保类别 the enrollment kinds the type admits */
                        enrollmentKinds?: ("employee" | "flexible" | "resident")[];
                    };
                };
            };
            responses: {
                /** @description 险种 an insurance type */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            name: string;
                            nameEn: string;
                            /** @description 该险种接受的参保类别 the enrollment kinds the type admits: employee 单位职工, flexible 灵活就业, resident 城乡居民 */
                            enrollmentKinds: ("employee" | "flexible" | "resident")[];
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/policy/wages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 编制社平工资 draft a social average wage (monthly, per region and year) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: region-code
                         * @description 行政区划代码
                         */
                        regionCode: string;
                        year: number;
                        /** @description 月平均工资，分 (100.00 – 100,000.00 yuan) */
                        monthlyFen: number;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description 政策版本 a policy version and who wrote, reviewed, published or voided it */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            kind: "wage";
                            /** @enum {object|null} */
                            insuranceType: never | null;
                            /** @description 统筹区 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            effectiveFrom: string;
                            /** @description 月份 YYYY-MM */
                            effectiveTo: string | null;
                            /** @description 1, 2, … within its series (kind, insurance type, region) */
                            version: number;
                            status: "draft" | "reviewed" | "published" | "voided";
                            year: number;
                            /** @description 月平均工资，分 fen */
                            monthlyFen: number;
                            note: string | null;
                            authorId: string;
                            /** Format: date-time */
                            createdAt: string;
                            reviewerId: string | null;
                            /** Format: date-time */
                            reviewedAt: string | null;
                            publisherId: string | null;
                            /** Format: date-time */
                            publishedAt: string | null;
                            voiderId: string | null;
                            /** Format: date-time */
                            voidedAt: string | null;
                            voidReason: string | null;
                        } | {
                            id: string;
                            /** @enum {string} */
                            kind: "base";
                            insuranceType: string;
                            /** @description 统筹区 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            effectiveFrom: string;
                            /** @description 月份 YYYY-MM */
                            effectiveTo: string | null;
                            /** @description 1, 2, … within its series (kind, insurance type, region) */
                            version: number;
                            status: "draft" | "reviewed" | "published" | "voided";
                            baseKind: string;
                            lowerBoundBp: number;
                            upperBoundBp: number;
                            /** @description 规则编码 */
                            lowerRuleCode: string;
                            /** @description 规则编码 */
                            upperRuleCode: string;
                            wageYearOffset: number;
                            note: string | null;
                            authorId: string;
                            /** Format: date-time */
                            createdAt: string;
                            reviewerId: string | null;
                            /** Format: date-time */
                            reviewedAt: string | null;
                            publisherId: string | null;
                            /** Format: date-time */
                            publishedAt: string | null;
                            voiderId: string | null;
                            /** Format: date-time */
                            voidedAt: string | null;
                            voidReason: string | null;
                        } | {
                            id: string;
                            /** @enum {string} */
                            kind: "collection";
                            insuranceType: string;
                            /** @description 统筹区 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            effectiveFrom: string;
                            /** @description 月份 YYYY-MM */
                            effectiveTo: string | null;
                            /** @description 1, 2, … within its series (kind, insurance type, region) */
                            version: number;
                            status: "draft" | "reviewed" | "published" | "voided";
                            shares: {
                                /** @description 规则编码 */
                                ruleCode: string;
                                payer: "unit" | "person" | "fiscal";
                                baseKind: string;
                                ratePpm: number;
                                periodicity: "monthly" | "yearly";
                                dueMonth: number | null;
                                fund: "pooled_fund" | "personal_account" | "none";
                                flow: "from" | "to";
                                conditions: {
                                    ageAtMost?: number | null;
                                    ageAbove?: number | null;
                                    retired?: boolean | null;
                                    categories?: string[] | null;
                                };
                            }[];
                            note: string | null;
                            authorId: string;
                            /** Format: date-time */
                            createdAt: string;
                            reviewerId: string | null;
                            /** Format: date-time */
                            reviewedAt: string | null;
                            publisherId: string | null;
                            /** Format: date-time */
                            publishedAt: string | null;
                            voiderId: string | null;
                            /** Format: date-time */
                            voidedAt: string | null;
                            voidReason: string | null;
                        } | {
                            id: string;
                            /** @enum {string} */
                            kind: "settlement";
                            insuranceType: string;
                            /** @description 统筹区 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            effectiveFrom: string;
                            /** @description 月份 YYYY-MM */
                            effectiveTo: string | null;
                            /** @description 1, 2, … within its series (kind, insurance type, region) */
                            version: number;
                            status: "draft" | "reviewed" | "published" | "voided";
                            rows: {
                                visitKind?: "outpatient" | "inpatient";
                                institutionLevel?: 1 | 2 | 3;
                                personCategory?: string;
                                /** @description 起付线，分 fen */
                                deductibleFen: number;
                                deductiblePer: "visit" | "year";
                                fundRatioBp: number;
                                /** @description 年度封顶线，分 fen */
                                ceilingFen: number;
                                accountUsable: boolean;
                                ruleCodes: {
                                    /** @description 规则编码 */
                                    deductible: string;
                                    /** @description 规则编码 */
                                    fundRatio: string;
                                    /** @description 规则编码 */
                                    ceiling: string;
                                    /** @description 规则编码 */
                                    account: string;
                                };
                                /** @description 乙类先行自付比例，万分之几 (1000 = 10 %); absent: the catalog entry’s */
                                classBSelfPayBp?: number;
                            }[];
                            /** @description 单品乙类先行自付比例: before the rows’ share */
                            itemRatios: {
                                /** @description 医保目录编码 */
                                code: string;
                                /** @description 先行自付比例，万分之几 */
                                selfPayBp: number;
                            }[];
                            note: string | null;
                            authorId: string;
                            /** Format: date-time */
                            createdAt: string;
                            reviewerId: string | null;
                            /** Format: date-time */
                            reviewedAt: string | null;
                            publisherId: string | null;
                            /** Format: date-time */
                            publishedAt: string | null;
                            voiderId: string | null;
                            /** Format: date-time */
                            voidedAt: string | null;
                            voidReason: string | null;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/base-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 编制缴费基数规则 draft a contribution-base rule */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 险种代码, e.g. 310, 390, 410, 510 */
                        insuranceType: string;
                        /**
                         * Format: region-code
                         * @description 行政区划代码
                         */
                        regionCode: string;
                        /**
                         * Format: year-month
                         * @description 月份 YYYY-MM
                         */
                        effectiveFrom: string;
                        /**
                         * Format: year-month
                         * @description 月份 YYYY-MM
                         */
                        effectiveTo?: string;
                        /** @description 基数种类, e.g. medical (职工医保缴费基数), account_allocation (个人账户划入基数) */
                        baseKind: string;
                        /** @description 下限，社平工资的万分之几 (6000 = 60 %) */
                        lowerBoundBp: number;
                        /** @description 上限，社平工资的万分之几 (30000 = 300 %) */
                        upperBoundBp: number;
                        /** @description 规则编码, e.g. 1000101 */
                        lowerRuleCode: string;
                        /** @description 规则编码, e.g. 1000101 */
                        upperRuleCode: string;
                        /** @description 0: 当年社平工资; -1: 上年 */
                        wageYearOffset?: number;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description 政策版本 a policy version and who wrote, reviewed, published or voided it */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            kind: "wage";
                            /** @enum {object|null} */
                            insuranceType: never | null;
                            /** @description 统筹区 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            effectiveFrom: string;
                            /** @description 月份 YYYY-MM */
                            effectiveTo: string | null;
                            /** @description 1, 2, … within its series (kind, insurance type, region) */
                            version: number;
                            status: "draft" | "reviewed" | "published" | "voided";
                            year: number;
                            /** @description 月平均工资，分 fen */
                            monthlyFen: number;
                            note: string | null;
                            authorId: string;
                            /** Format: date-time */
                            createdAt: string;
                            reviewerId: string | null;
                            /** Format: date-time */
                            reviewedAt: string | null;
                            publisherId: string | null;
                            /** Format: date-time */
                            publishedAt: string | null;
                            voiderId: string | null;
                            /** Format: date-time */
                            voidedAt: string | null;
                            voidReason: string | null;
                        } | {
                            id: string;
                            /** @enum {string} */
                            kind: "base";
                            insuranceType: string;
                            /** @description 统筹区 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            effectiveFrom: string;
                            /** @description 月份 YYYY-MM */
                            effectiveTo: string | null;
                            /** @description 1, 2, … within its series (kind, insurance type, region) */
                            version: number;
                            status: "draft" | "reviewed" | "published" | "voided";
                            baseKind: string;
                            lowerBoundBp: number;
                            upperBoundBp: number;
                            /** @description 规则编码 */
                            lowerRuleCode: string;
                            /** @description 规则编码 */
                            upperRuleCode: string;
                            wageYearOffset: number;
                            note: string | null;
                            authorId: string;
                            /** Format: date-time */
                            createdAt: string;
                            reviewerId: string | null;
                            /** Format: date-time */
                            reviewedAt: string | null;
                            publisherId: string | null;
                            /** Format: date-time */
                            publishedAt: string | null;
                            voiderId: string | null;
                            /** Format: date-time */
                            voidedAt: string | null;
                            voidReason: string | null;
                        } | {
                            id: string;
                            /** @enum {string} */
                            kind: "collection";
                            insuranceType: string;
                            /** @description 统筹区 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            effectiveFrom: string;
                            /** @description 月份 YYYY-MM */
                            effectiveTo: string | null;
                            /** @description 1, 2, … within its series (kind, insurance type, region) */
                            version: number;
                            status: "draft" | "reviewed" | "published" | "voided";
                            shares: {
                                /** @description 规则编码 */
                                ruleCode: string;
                                payer: "unit" | "person" | "fiscal";
                                baseKind: string;
                                ratePpm: number;
                                periodicity: "monthly" | "yearly";
                                dueMonth: number | null;
                                fund: "pooled_fund" | "personal_account" | "none";
                                flow: "from" | "to";
                                conditions: {
                                    ageAtMost?: number | null;
                                    ageAbove?: number | null;
                                    retired?: boolean | null;
                                    categories?: string[] | null;
                                };
                            }[];
                            note: string | null;
                            authorId: string;
                            /** Format: date-time */
                            createdAt: string;
                            reviewerId: string | null;
                            /** Format: date-time */
                            reviewedAt: string | null;
                            publisherId: string | null;
                            /** Format: date-time */
                            publishedAt: string | null;
                            voiderId: string | null;
                            /** Format: date-time */
                            voidedAt: string | null;
                            voidReason: string | null;
                        } | {
                            id: string;
                            /** @enum {string} */
                            kind: "settlement";
                            insuranceType: string;
                            /** @description 统筹区 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            effectiveFrom: string;
                            /** @description 月份 YYYY-MM */
                            effectiveTo: string | null;
                            /** @description 1, 2, … within its series (kind, insurance type, region) */
                            version: number;
                            status: "draft" | "reviewed" | "published" | "voided";
                            rows: {
                                visitKind?: "outpatient" | "inpatient";
                                institutionLevel?: 1 | 2 | 3;
                                personCategory?: string;
                                /** @description 起付线，分 fen */
                                deductibleFen: number;
                                deductiblePer: "visit" | "year";
                                fundRatioBp: number;
                                /** @description 年度封顶线，分 fen */
                                ceilingFen: number;
                                accountUsable: boolean;
                                ruleCodes: {
                                    /** @description 规则编码 */
                                    deductible: string;
                                    /** @description 规则编码 */
                                    fundRatio: string;
                                    /** @description 规则编码 */
                                    ceiling: string;
                                    /** @description 规则编码 */
                                    account: string;
                                };
                                /** @description 乙类先行自付比例，万分之几 (1000 = 10 %); absent: the catalog entry’s */
                                classBSelfPayBp?: number;
                            }[];
                            /** @description 单品乙类先行自付比例: before the rows’ share */
                            itemRatios: {
                                /** @description 医保目录编码 */
                                code: string;
                                /** @description 先行自付比例，万分之几 */
                                selfPayBp: number;
                            }[];
                            note: string | null;
                            authorId: string;
                            /** Format: date-time */
                            createdAt: string;
                            reviewerId: string | null;
                            /** Format: date-time */
                            reviewedAt: string | null;
                            publisherId: string | null;
                            /** Format: date-time */
                            publishedAt: string | null;
                            voiderId: string | null;
                            /** Format: date-time */
                            voidedAt: string | null;
                            voidReason: string | null;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/collection-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 编制征缴规则 draft a collection rule (payer shares) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 险种代码, e.g. 310, 390, 410, 510 */
                        insuranceType: string;
                        /**
                         * Format: region-code
                         * @description 行政区划代码
                         */
                        regionCode: string;
                        /**
                         * Format: year-month
                         * @description 月份 YYYY-MM
                         */
                        effectiveFrom: string;
                        /**
                         * Format: year-month
                         * @description 月份 YYYY-MM
                         */
                        effectiveTo?: string;
                        shares: {
                            /** @description 规则编码, e.g. 1000101 */
                            ruleCode: string;
                            /** @description 缴费主体 unit 单位 / person 个人 / fiscal 财政补助 */
                            payer: "unit" | "person" | "fiscal";
                            /** @description 基数种类, e.g. medical (职工医保缴费基数), account_allocation (个人账户划入基数) */
                            baseKind: string;
                            /** @description 费率，百万分之一 (1000 = 0.1 %), at most 30 % */
                            ratePpm: number;
                            /** @description monthly 按月 / yearly 按年 */
                            periodicity: "monthly" | "yearly";
                            /** @description 按年缴纳时的计征月份，默认 1 月 */
                            dueMonth?: number;
                            /** @description pooled_fund 统筹基金 / personal_account 个人账户 / none */
                            fund: "pooled_fund" | "personal_account" | "none";
                            /** @description from: drawn from the fund (划转); to: paid into it */
                            flow: "from" | "to";
                            conditions?: {
                                /** @description 缴费月份年龄 ≤ N 时适用 */
                                ageAtMost?: number;
                                /** @description 缴费月份年龄 > N 时适用 */
                                ageAbove?: number;
                                /** @description true 仅退休人员, false 仅在职人员 */
                                retired?: boolean;
                                /** @description 仅这些人员类别 */
                                categories?: string[];
                            };
                        }[];
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description 政策版本 a policy version and who wrote, reviewed, published or voided it */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            kind: "wage";
                            /** @enum {object|null} */
                            insuranceType: never | null;
                            /** @description 统筹区 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            effectiveFrom: string;
                            /** @description 月份 YYYY-MM */
                            effectiveTo: string | null;
                            /** @description 1, 2, … within its series (kind, insurance type, region) */
                            version: number;
                            status: "draft" | "reviewed" | "published" | "voided";
                            year: number;
                            /** @description 月平均工资，分 fen */
                            monthlyFen: number;
                            note: string | null;
                            authorId: string;
                            /** Format: date-time */
                            createdAt: string;
                            reviewerId: string | null;
                            /** Format: date-time */
                            reviewedAt: string | null;
                            publisherId: string | null;
                            /** Format: date-time */
                            publishedAt: string | null;
                            voiderId: string | null;
                            /** Format: date-time */
                            voidedAt: string | null;
                            voidReason: string | null;
                        } | {
                            id: string;
                            /** @enum {string} */
                            kind: "base";
                            insuranceType: string;
                            /** @description 统筹区 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            effectiveFrom: string;
                            /** @description 月份 YYYY-MM */
                            effectiveTo: string | null;
                            /** @description 1, 2, … within its series (kind, insurance type, region) */
                            version: number;
                            status: "draft" | "reviewed" | "published" | "voided";
                            baseKind: string;
                            lowerBoundBp: number;
                            upperBoundBp: number;
                            /** @description 规则编码 */
                            lowerRuleCode: string;
                            /** @description 规则编码 */
                            upperRuleCode: string;
                            wageYearOffset: number;
                            note: string | null;
                            authorId: string;
                            /** Format: date-time */
                            createdAt: string;
                            reviewerId: string | null;
                            /** Format: date-time */
                            reviewedAt: string | null;
                            publisherId: string | null;
                            /** Format: date-time */
                            publishedAt: string | null;
                            voiderId: string | null;
                            /** Format: date-time */
                            voidedAt: string | null;
                            voidReason: string | null;
                        } | {
                            id: string;
                            /** @enum {string} */
                            kind: "collection";
                            insuranceType: string;
                            /** @description 统筹区 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            effectiveFrom: string;
                            /** @description 月份 YYYY-MM */
                            effectiveTo: string | null;
                            /** @description 1, 2, … within its series (kind, insurance type, region) */
                            version: number;
                            status: "draft" | "reviewed" | "published" | "voided";
                            shares: {
                                /** @description 规则编码 */
                                ruleCode: string;
                                payer: "unit" | "person" | "fiscal";
                                baseKind: string;
                                ratePpm: number;
                                periodicity: "monthly" | "yearly";
                                dueMonth: number | null;
                                fund: "pooled_fund" | "personal_account" | "none";
                                flow: "from" | "to";
                                conditions: {
                                    ageAtMost?: number | null;
                                    ageAbove?: number | null;
                                    retired?: boolean | null;
                                    categories?: string[] | null;
                                };
                            }[];
                            note: string | null;
                            authorId: string;
                            /** Format: date-time */
                            createdAt: string;
                            reviewerId: string | null;
                            /** Format: date-time */
                            reviewedAt: string | null;
                            publisherId: string | null;
                            /** Format: date-time */
                            publishedAt: string | null;
                            voiderId: string | null;
                            /** Format: date-time */
                            voidedAt: string | null;
                            voidReason: string | null;
                        } | {
                            id: string;
                            /** @enum {string} */
                            kind: "settlement";
                            insuranceType: string;
                            /** @description 统筹区 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            effectiveFrom: string;
                            /** @description 月份 YYYY-MM */
                            effectiveTo: string | null;
                            /** @description 1, 2, … within its series (kind, insurance type, region) */
                            version: number;
                            status: "draft" | "reviewed" | "published" | "voided";
                            rows: {
                                visitKind?: "outpatient" | "inpatient";
                                institutionLevel?: 1 | 2 | 3;
                                personCategory?: string;
                                /** @description 起付线，分 fen */
                                deductibleFen: number;
                                deductiblePer: "visit" | "year";
                                fundRatioBp: number;
                                /** @description 年度封顶线，分 fen */
                                ceilingFen: number;
                                accountUsable: boolean;
                                ruleCodes: {
                                    /** @description 规则编码 */
                                    deductible: string;
                                    /** @description 规则编码 */
                                    fundRatio: string;
                                    /** @description 规则编码 */
                                    ceiling: string;
                                    /** @description 规则编码 */
                                    account: string;
                                };
                                /** @description 乙类先行自付比例，万分之几 (1000 = 10 %); absent: the catalog entry’s */
                                classBSelfPayBp?: number;
                            }[];
                            /** @description 单品乙类先行自付比例: before the rows’ share */
                            itemRatios: {
                                /** @description 医保目录编码 */
                                code: string;
                                /** @description 先行自付比例，万分之几 */
                                selfPayBp: number;
                            }[];
                            note: string | null;
                            authorId: string;
                            /** Format: date-time */
                            createdAt: string;
                            reviewerId: string | null;
                            /** Format: date-time */
                            reviewedAt: string | null;
                            publisherId: string | null;
                            /** Format: date-time */
                            publishedAt: string | null;
                            voiderId: string | null;
                            /** Format: date-time */
                            voidedAt: string | null;
                            voidReason: string | null;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/settlement-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 编制结算政策 draft a settlement policy (deductible, fund ratio, ceiling, account use and class B self-pay share by visit kind, level and person category; per-item class B shares) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 险种代码, e.g. 310, 390, 410, 510 */
                        insuranceType: string;
                        /**
                         * Format: region-code
                         * @description 行政区划代码
                         */
                        regionCode: string;
                        /**
                         * Format: year-month
                         * @description 月份 YYYY-MM
                         */
                        effectiveFrom: string;
                        /**
                         * Format: year-month
                         * @description 月份 YYYY-MM
                         */
                        effectiveTo?: string;
                        rows: {
                            /** @description 就诊类型 outpatient 门诊 / inpatient 住院; absent: any */
                            visitKind?: "outpatient" | "inpatient";
                            /** @description 医院等级 1–3; absent: any */
                            institutionLevel?: 1 | 2 | 3;
                            /** @description 人员类别 employee / flexible / resident / retired; absent: any */
                            personCategory?: string;
                            /** @description 起付线，分 */
                            deductibleFen: number;
                            /** @description visit 每次 / year 每年 */
                            deductiblePer: "visit" | "year";
                            /** @description 统筹支付比例，万分之几 (8500 = 85 %) */
                            fundRatioBp: number;
                            /** @description 年度封顶线，分 */
                            ceilingFen: number;
                            /** @description 个人账户可否支付个人负担部分 */
                            accountUsable: boolean;
                            /** @description 各项数值的规则编码 */
                            ruleCodes: {
                                /** @description 规则编码, e.g. 1000101 */
                                deductible: string;
                                /** @description 规则编码, e.g. 1000101 */
                                fundRatio: string;
                                /** @description 规则编码, e.g. 1000101 */
                                ceiling: string;
                                /** @description 规则编码, e.g. 1000101 */
                                account: string;
                            };
                            /** @description 乙类先行自付比例，万分之几 (1000 = 10 %); absent: each item’s ratio in the catalog */
                            classBSelfPayBp?: number;
                        }[];
                        /** @description 单品乙类先行自付比例 */
                        itemRatios?: {
                            /** @description 医保目录编码 (X… 23, Z… 20, C… 20, 15-digit service item) */
                            code: string;
                            /** @description 先行自付比例，万分之几 */
                            selfPayBp: number;
                        }[];
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description 政策版本 a policy version and who wrote, reviewed, published or voided it */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            kind: "wage";
                            /** @enum {object|null} */
                            insuranceType: never | null;
                            /** @description 统筹区 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            effectiveFrom: string;
                            /** @description 月份 YYYY-MM */
                            effectiveTo: string | null;
                            /** @description 1, 2, … within its series (kind, insurance type, region) */
                            version: number;
                            status: "draft" | "reviewed" | "published" | "voided";
                            year: number;
                            /** @description 月平均工资，分 fen */
                            monthlyFen: number;
                            note: string | null;
                            authorId: string;
                            /** Format: date-time */
                            createdAt: string;
                            reviewerId: string | null;
                            /** Format: date-time */
                            reviewedAt: string | null;
                            publisherId: string | null;
                            /** Format: date-time */
                            publishedAt: string | null;
                            voiderId: string | null;
                            /** Format: date-time */
                            voidedAt: string | null;
                            voidReason: string | null;
                        } | {
                            id: string;
                            /** @enum {string} */
                            kind: "base";
                            insuranceType: string;
                            /** @description 统筹区 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            effectiveFrom: string;
                            /** @description 月份 YYYY-MM */
                            effectiveTo: string | null;
                            /** @description 1, 2, … within its series (kind, insurance type, region) */
                            version: number;
                            status: "draft" | "reviewed" | "published" | "voided";
                            baseKind: string;
                            lowerBoundBp: number;
                            upperBoundBp: number;
                            /** @description 规则编码 */
                            lowerRuleCode: string;
                            /** @description 规则编码 */
                            upperRuleCode: string;
                            wageYearOffset: number;
                            note: string | null;
                            authorId: string;
                            /** Format: date-time */
                            createdAt: string;
                            reviewerId: string | null;
                            /** Format: date-time */
                            reviewedAt: string | null;
                            publisherId: string | null;
                            /** Format: date-time */
                            publishedAt: string | null;
                            voiderId: string | null;
                            /** Format: date-time */
                            voidedAt: string | null;
                            voidReason: string | null;
                        } | {
                            id: string;
                            /** @enum {string} */
                            kind: "collection";
                            insuranceType: string;
                            /** @description 统筹区 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            effectiveFrom: string;
                            /** @description 月份 YYYY-MM */
                            effectiveTo: string | null;
                            /** @description 1, 2, … within its series (kind, insurance type, region) */
                            version: number;
                            status: "draft" | "reviewed" | "published" | "voided";
                            shares: {
                                /** @description 规则编码 */
                                ruleCode: string;
                                payer: "unit" | "person" | "fiscal";
                                baseKind: string;
                                ratePpm: number;
                                periodicity: "monthly" | "yearly";
                                dueMonth: number | null;
                                fund: "pooled_fund" | "personal_account" | "none";
                                flow: "from" | "to";
                                conditions: {
                                    ageAtMost?: number | null;
                                    ageAbove?: number | null;
                                    retired?: boolean | null;
                                    categories?: string[] | null;
                                };
                            }[];
                            note: string | null;
                            authorId: string;
                            /** Format: date-time */
                            createdAt: string;
                            reviewerId: string | null;
                            /** Format: date-time */
                            reviewedAt: string | null;
                            publisherId: string | null;
                            /** Format: date-time */
                            publishedAt: string | null;
                            voiderId: string | null;
                            /** Format: date-time */
                            voidedAt: string | null;
                            voidReason: string | null;
                        } | {
                            id: string;
                            /** @enum {string} */
                            kind: "settlement";
                            insuranceType: string;
                            /** @description 统筹区 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            effectiveFrom: string;
                            /** @description 月份 YYYY-MM */
                            effectiveTo: string | null;
                            /** @description 1, 2, … within its series (kind, insurance type, region) */
                            version: number;
                            status: "draft" | "reviewed" | "published" | "voided";
                            rows: {
                                visitKind?: "outpatient" | "inpatient";
                                institutionLevel?: 1 | 2 | 3;
                                personCategory?: string;
                                /** @description 起付线，分 fen */
                                deductibleFen: number;
                                deductiblePer: "visit" | "year";
                                fundRatioBp: number;
                                /** @description 年度封顶线，分 fen */
                                ceilingFen: number;
                                accountUsable: boolean;
                                ruleCodes: {
                                    /** @description 规则编码 */
                                    deductible: string;
                                    /** @description 规则编码 */
                                    fundRatio: string;
                                    /** @description 规则编码 */
                                    ceiling: string;
                                    /** @description 规则编码 */
                                    account: string;
                                };
                                /** @description 乙类先行自付比例，万分之几 (1000 = 10 %); absent: the catalog entry’s */
                                classBSelfPayBp?: number;
                            }[];
                            /** @description 单品乙类先行自付比例: before the rows’ share */
                            itemRatios: {
                                /** @description 医保目录编码 */
                                code: string;
                                /** @description 先行自付比例，万分之几 */
                                selfPayBp: number;
                            }[];
                            note: string | null;
                            authorId: string;
                            /** Format: date-time */
                            createdAt: string;
                            reviewerId: string | null;
                            /** Format: date-time */
                            reviewedAt: string | null;
                            publisherId: string | null;
                            /** Format: date-time */
                            publishedAt: string | null;
                            voiderId: string | null;
                            /** Format: date-time */
                            voidedAt: string | null;
                            voidReason: string | null;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 政策版本查询 policy versions (filters, paginated) */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                    kind?: "wage" | "base" | "collection" | "settlement";
                    /** @description 险种代码, e.g. 310, 390, 410, 510 */
                    insuranceType?: string;
                    /** @description 行政区划代码 */
                    regionCode?: string;
                    status?: "draft" | "reviewed" | "published" | "voided";
                    /** @description 月份 YYYY-MM */
                    month?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: ({
                                id: string;
                                /** @enum {string} */
                                kind: "wage";
                                /** @enum {object|null} */
                                insuranceType: never | null;
                                /** @description 统筹区 6-digit region code */
                                regionCode: string;
                                /** @description 月份 YYYY-MM */
                                effectiveFrom: string;
                                /** @description 月份 YYYY-MM */
                                effectiveTo: string | null;
                                /** @description 1, 2, … within its series (kind, insurance type, region) */
                                version: number;
                                status: "draft" | "reviewed" | "published" | "voided";
                                year: number;
                                /** @description 月平均工资，分 fen */
                                monthlyFen: number;
                                note: string | null;
                                authorId: string;
                                /** Format: date-time */
                                createdAt: string;
                                reviewerId: string | null;
                                /** Format: date-time */
                                reviewedAt: string | null;
                                publisherId: string | null;
                                /** Format: date-time */
                                publishedAt: string | null;
                                voiderId: string | null;
                                /** Format: date-time */
                                voidedAt: string | null;
                                voidReason: string | null;
                            } | {
                                id: string;
                                /** @enum {string} */
                                kind: "base";
                                insuranceType: string;
                                /** @description 统筹区 6-digit region code */
                                regionCode: string;
                                /** @description 月份 YYYY-MM */
                                effectiveFrom: string;
                                /** @description 月份 YYYY-MM */
                                effectiveTo: string | null;
                                /** @description 1, 2, … within its series (kind, insurance type, region) */
                                version: number;
                                status: "draft" | "reviewed" | "published" | "voided";
                                baseKind: string;
                                lowerBoundBp: number;
                                upperBoundBp: number;
                                /** @description 规则编码 */
                                lowerRuleCode: string;
                                /** @description 规则编码 */
                                upperRuleCode: string;
                                wageYearOffset: number;
                                note: string | null;
                                authorId: string;
                                /** Format: date-time */
                                createdAt: string;
                                reviewerId: string | null;
                                /** Format: date-time */
                                reviewedAt: string | null;
                                publisherId: string | null;
                                /** Format: date-time */
                                publishedAt: string | null;
                                voiderId: string | null;
                                /** Format: date-time */
                                voidedAt: string | null;
                                voidReason: string | null;
                            } | {
                                id: string;
                                /** @enum {string} */
                                kind: "collection";
                                insuranceType: string;
                                /** @description 统筹区 6-digit region code */
                                regionCode: string;
                                /** @description 月份 YYYY-MM */
                                effectiveFrom: string;
                                /** @description 月份 YYYY-MM */
                                effectiveTo: string | null;
                                /** @description 1, 2, … within its series (kind, insurance type, region) */
                                version: number;
                                status: "draft" | "reviewed" | "published" | "voided";
                                shares: {
                                    /** @description 规则编码 */
                                    ruleCode: string;
                                    payer: "unit" | "person" | "fiscal";
                                    baseKind: string;
                                    ratePpm: number;
                                    periodicity: "monthly" | "yearly";
                                    dueMonth: number | null;
                                    fund: "pooled_fund" | "personal_account" | "none";
                                    flow: "from" | "to";
                                    conditions: {
                                        ageAtMost?: number | null;
                                        ageAbove?: number | null;
                                        retired?: boolean | null;
                                        categories?: string[] | null;
                                    };
                                }[];
                                note: string | null;
                                authorId: string;
                                /** Format: date-time */
                                createdAt: string;
                                reviewerId: string | null;
                                /** Format: date-time */
                                reviewedAt: string | null;
                                publisherId: string | null;
                                /** Format: date-time */
                                publishedAt: string | null;
                                voiderId: string | null;
                                /** Format: date-time */
                                voidedAt: string | null;
                                voidReason: string | null;
                            } | {
                                id: string;
                                /** @enum {string} */
                                kind: "settlement";
                                insuranceType: string;
                                /** @description 统筹区 6-digit region code */
                                regionCode: string;
                                /** @description 月份 YYYY-MM */
                                effectiveFrom: string;
                                /** @description 月份 YYYY-MM */
                                effectiveTo: string | null;
                                /** @description 1, 2, … within its series (kind, insurance type, region) */
                                version: number;
                                status: "draft" | "reviewed" | "published" | "voided";
                                rows: {
                                    visitKind?: "outpatient" | "inpatient";
                                    institutionLevel?: 1 | 2 | 3;
                                    personCategory?: string;
                                    /** @description 起付线，分 fen */
                                    deductibleFen: number;
                                    deductiblePer: "visit" | "year";
                                    fundRatioBp: number;
                                    /** @description 年度封顶线，分 fen */
                                    ceilingFen: number;
                                    accountUsable: boolean;
                                    ruleCodes: {
                                        /** @description 规则编码 */
                                        deductible: string;
                                        /** @description 规则编码 */
                                        fundRatio: string;
                                        /** @description 规则编码 */
                                        ceiling: string;
                                        /** @description 规则编码 */
                                        account: string;
                                    };
                                    /** @description 乙类先行自付比例，万分之几 (1000 = 10 %); absent: the catalog entry’s */
                                    classBSelfPayBp?: number;
                                }[];
                                /** @description 单品乙类先行自付比例: before the rows’ share */
                                itemRatios: {
                                    /** @description 医保目录编码 */
                                    code: string;
                                    /** @description 先行自付比例，万分之几 */
                                    selfPayBp: number;
                                }[];
                                note: string | null;
                                authorId: string;
                                /** Format: date-time */
                                createdAt: string;
                                reviewerId: string | null;
                                /** Format: date-time */
                                reviewedAt: string | null;
                                publisherId: string | null;
                                /** Format: date-time */
                                publishedAt: string | null;
                                voiderId: string | null;
                                /** Format: date-time */
                                voidedAt: string | null;
                                voidReason: string | null;
                            })[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/versions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 政策版本详情与审核记录 one version with its history */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 政策版本详情 a policy version with its history and its series */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            kind: "wage";
                            /** @enum {object|null} */
                            insuranceType: never | null;
                            /** @description 统筹区 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            effectiveFrom: string;
                            /** @description 月份 YYYY-MM */
                            effectiveTo: string | null;
                            /** @description 1, 2, … within its series (kind, insurance type, region) */
                            version: number;
                            status: "draft" | "reviewed" | "published" | "voided";
                            year: number;
                            /** @description 月平均工资，分 fen */
                            monthlyFen: number;
                            note: string | null;
                            authorId: string;
                            /** Format: date-time */
                            createdAt: string;
                            reviewerId: string | null;
                            /** Format: date-time */
                            reviewedAt: string | null;
                            publisherId: string | null;
                            /** Format: date-time */
                            publishedAt: string | null;
                            voiderId: string | null;
                            /** Format: date-time */
                            voidedAt: string | null;
                            voidReason: string | null;
                            events: {
                                action: "drafted" | "reviewed" | "published" | "voided";
                                actorId: string;
                                comment: string | null;
                                /** Format: date-time */
                                at: string;
                            }[];
                            series: {
                                id: string;
                                version: number;
                                status: "draft" | "reviewed" | "published" | "voided";
                                /** @description 月份 YYYY-MM */
                                effectiveFrom: string;
                                /** @description 月份 YYYY-MM */
                                effectiveTo: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        } | {
                            id: string;
                            /** @enum {string} */
                            kind: "base";
                            insuranceType: string;
                            /** @description 统筹区 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            effectiveFrom: string;
                            /** @description 月份 YYYY-MM */
                            effectiveTo: string | null;
                            /** @description 1, 2, … within its series (kind, insurance type, region) */
                            version: number;
                            status: "draft" | "reviewed" | "published" | "voided";
                            baseKind: string;
                            lowerBoundBp: number;
                            upperBoundBp: number;
                            /** @description 规则编码 */
                            lowerRuleCode: string;
                            /** @description 规则编码 */
                            upperRuleCode: string;
                            wageYearOffset: number;
                            note: string | null;
                            authorId: string;
                            /** Format: date-time */
                            createdAt: string;
                            reviewerId: string | null;
                            /** Format: date-time */
                            reviewedAt: string | null;
                            publisherId: string | null;
                            /** Format: date-time */
                            publishedAt: string | null;
                            voiderId: string | null;
                            /** Format: date-time */
                            voidedAt: string | null;
                            voidReason: string | null;
                            events: {
                                action: "drafted" | "reviewed" | "published" | "voided";
                                actorId: string;
                                comment: string | null;
                                /** Format: date-time */
                                at: string;
                            }[];
                            series: {
                                id: string;
                                version: number;
                                status: "draft" | "reviewed" | "published" | "voided";
                                /** @description 月份 YYYY-MM */
                                effectiveFrom: string;
                                /** @description 月份 YYYY-MM */
                                effectiveTo: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        } | {
                            id: string;
                            /** @enum {string} */
                            kind: "collection";
                            insuranceType: string;
                            /** @description 统筹区 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            effectiveFrom: string;
                            /** @description 月份 YYYY-MM */
                            effectiveTo: string | null;
                            /** @description 1, 2, … within its series (kind, insurance type, region) */
                            version: number;
                            status: "draft" | "reviewed" | "published" | "voided";
                            shares: {
                                /** @description 规则编码 */
                                ruleCode: string;
                                payer: "unit" | "person" | "fiscal";
                                baseKind: string;
                                ratePpm: number;
                                periodicity: "monthly" | "yearly";
                                dueMonth: number | null;
                                fund: "pooled_fund" | "personal_account" | "none";
                                flow: "from" | "to";
                                conditions: {
                                    ageAtMost?: number | null;
                                    ageAbove?: number | null;
                                    retired?: boolean | null;
                                    categories?: string[] | null;
                                };
                            }[];
                            note: string | null;
                            authorId: string;
                            /** Format: date-time */
                            createdAt: string;
                            reviewerId: string | null;
                            /** Format: date-time */
                            reviewedAt: string | null;
                            publisherId: string | null;
                            /** Format: date-time */
                            publishedAt: string | null;
                            voiderId: string | null;
                            /** Format: date-time */
                            voidedAt: string | null;
                            voidReason: string | null;
                            events: {
                                action: "drafted" | "reviewed" | "published" | "voided";
                                actorId: string;
                                comment: string | null;
                                /** Format: date-time */
                                at: string;
                            }[];
                            series: {
                                id: string;
                                version: number;
                                status: "draft" | "reviewed" | "published" | "voided";
                                /** @description 月份 YYYY-MM */
                                effectiveFrom: string;
                                /** @description 月份 YYYY-MM */
                                effectiveTo: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        } | {
                            id: string;
                            /** @enum {string} */
                            kind: "settlement";
                            insuranceType: string;
                            /** @description 统筹区 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            effectiveFrom: string;
                            /** @description 月份 YYYY-MM */
                            effectiveTo: string | null;
                            /** @description 1, 2, … within its series (kind, insurance type, region) */
                            version: number;
                            status: "draft" | "reviewed" | "published" | "voided";
                            rows: {
                                visitKind?: "outpatient" | "inpatient";
                                institutionLevel?: 1 | 2 | 3;
                                personCategory?: string;
                                /** @description 起付线，分 fen */
                                deductibleFen: number;
                                deductiblePer: "visit" | "year";
                                fundRatioBp: number;
                                /** @description 年度封顶线，分 fen */
                                ceilingFen: number;
                                accountUsable: boolean;
                                ruleCodes: {
                                    /** @description 规则编码 */
                                    deductible: string;
                                    /** @description 规则编码 */
                                    fundRatio: string;
                                    /** @description 规则编码 */
                                    ceiling: string;
                                    /** @description 规则编码 */
                                    account: string;
                                };
                                /** @description 乙类先行自付比例，万分之几 (1000 = 10 %); absent: the catalog entry’s */
                                classBSelfPayBp?: number;
                            }[];
                            /** @description 单品乙类先行自付比例: before the rows’ share */
                            itemRatios: {
                                /** @description 医保目录编码 */
                                code: string;
                                /** @description 先行自付比例，万分之几 */
                                selfPayBp: number;
                            }[];
                            note: string | null;
                            authorId: string;
                            /** Format: date-time */
                            createdAt: string;
                            reviewerId: string | null;
                            /** Format: date-time */
                            reviewedAt: string | null;
                            publisherId: string | null;
                            /** Format: date-time */
                            publishedAt: string | null;
                            voiderId: string | null;
                            /** Format: date-time */
                            voidedAt: string | null;
                            voidReason: string | null;
                            events: {
                                action: "drafted" | "reviewed" | "published" | "voided";
                                actorId: string;
                                comment: string | null;
                                /** Format: date-time */
                                at: string;
                            }[];
                            series: {
                                id: string;
                                version: number;
                                status: "draft" | "reviewed" | "published" | "voided";
                                /** @description 月份 YYYY-MM */
                                effectiveFrom: string;
                                /** @description 月份 YYYY-MM */
                                effectiveTo: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/versions/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 审核（编制人以外） review a draft (not its author) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        comment?: string;
                    };
                };
            };
            responses: {
                /** @description 政策版本 a policy version and who wrote, reviewed, published or voided it */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            kind: "wage";
                            /** @enum {object|null} */
                            insuranceType: never | null;
                            /** @description 统筹区 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            effectiveFrom: string;
                            /** @description 月份 YYYY-MM */
                            effectiveTo: string | null;
                            /** @description 1, 2, … within its series (kind, insurance type, region) */
                            version: number;
                            status: "draft" | "reviewed" | "published" | "voided";
                            year: number;
                            /** @description 月平均工资，分 fen */
                            monthlyFen: number;
                            note: string | null;
                            authorId: string;
                            /** Format: date-time */
                            createdAt: string;
                            reviewerId: string | null;
                            /** Format: date-time */
                            reviewedAt: string | null;
                            publisherId: string | null;
                            /** Format: date-time */
                            publishedAt: string | null;
                            voiderId: string | null;
                            /** Format: date-time */
                            voidedAt: string | null;
                            voidReason: string | null;
                        } | {
                            id: string;
                            /** @enum {string} */
                            kind: "base";
                            insuranceType: string;
                            /** @description 统筹区 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            effectiveFrom: string;
                            /** @description 月份 YYYY-MM */
                            effectiveTo: string | null;
                            /** @description 1, 2, … within its series (kind, insurance type, region) */
                            version: number;
                            status: "draft" | "reviewed" | "published" | "voided";
                            baseKind: string;
                            lowerBoundBp: number;
                            upperBoundBp: number;
                            /** @description 规则编码 */
                            lowerRuleCode: string;
                            /** @description 规则编码 */
                            upperRuleCode: string;
                            wageYearOffset: number;
                            note: string | null;
                            authorId: string;
                            /** Format: date-time */
                            createdAt: string;
                            reviewerId: string | null;
                            /** Format: date-time */
                            reviewedAt: string | null;
                            publisherId: string | null;
                            /** Format: date-time */
                            publishedAt: string | null;
                            voiderId: string | null;
                            /** Format: date-time */
                            voidedAt: string | null;
                            voidReason: string | null;
                        } | {
                            id: string;
                            /** @enum {string} */
                            kind: "collection";
                            insuranceType: string;
                            /** @description 统筹区 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            effectiveFrom: string;
                            /** @description 月份 YYYY-MM */
                            effectiveTo: string | null;
                            /** @description 1, 2, … within its series (kind, insurance type, region) */
                            version: number;
                            status: "draft" | "reviewed" | "published" | "voided";
                            shares: {
                                /** @description 规则编码 */
                                ruleCode: string;
                                payer: "unit" | "person" | "fiscal";
                                baseKind: string;
                                ratePpm: number;
                                periodicity: "monthly" | "yearly";
                                dueMonth: number | null;
                                fund: "pooled_fund" | "personal_account" | "none";
                                flow: "from" | "to";
                                conditions: {
                                    ageAtMost?: number | null;
                                    ageAbove?: number | null;
                                    retired?: boolean | null;
                                    categories?: string[] | null;
                                };
                            }[];
                            note: string | null;
                            authorId: string;
                            /** Format: date-time */
                            createdAt: string;
                            reviewerId: string | null;
                            /** Format: date-time */
                            reviewedAt: string | null;
                            publisherId: string | null;
                            /** Format: date-time */
                            publishedAt: string | null;
                            voiderId: string | null;
                            /** Format: date-time */
                            voidedAt: string | null;
                            voidReason: string | null;
                        } | {
                            id: string;
                            /** @enum {string} */
                            kind: "settlement";
                            insuranceType: string;
                            /** @description 统筹区 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            effectiveFrom: string;
                            /** @description 月份 YYYY-MM */
                            effectiveTo: string | null;
                            /** @description 1, 2, … within its series (kind, insurance type, region) */
                            version: number;
                            status: "draft" | "reviewed" | "published" | "voided";
                            rows: {
                                visitKind?: "outpatient" | "inpatient";
                                institutionLevel?: 1 | 2 | 3;
                                personCategory?: string;
                                /** @description 起付线，分 fen */
                                deductibleFen: number;
                                deductiblePer: "visit" | "year";
                                fundRatioBp: number;
                                /** @description 年度封顶线，分 fen */
                                ceilingFen: number;
                                accountUsable: boolean;
                                ruleCodes: {
                                    /** @description 规则编码 */
                                    deductible: string;
                                    /** @description 规则编码 */
                                    fundRatio: string;
                                    /** @description 规则编码 */
                                    ceiling: string;
                                    /** @description 规则编码 */
                                    account: string;
                                };
                                /** @description 乙类先行自付比例，万分之几 (1000 = 10 %); absent: the catalog entry’s */
                                classBSelfPayBp?: number;
                            }[];
                            /** @description 单品乙类先行自付比例: before the rows’ share */
                            itemRatios: {
                                /** @description 医保目录编码 */
                                code: string;
                                /** @description 先行自付比例，万分之几 */
                                selfPayBp: number;
                            }[];
                            note: string | null;
                            authorId: string;
                            /** Format: date-time */
                            createdAt: string;
                            reviewerId: string | null;
                            /** Format: date-time */
                            reviewedAt: string | null;
                            publisherId: string | null;
                            /** Format: date-time */
                            publishedAt: string | null;
                            voiderId: string | null;
                            /** Format: date-time */
                            voidedAt: string | null;
                            voidReason: string | null;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/versions/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 发布（有效期不得与已发布版本重叠） publish a reviewed version */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 政策版本 a policy version and who wrote, reviewed, published or voided it */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            kind: "wage";
                            /** @enum {object|null} */
                            insuranceType: never | null;
                            /** @description 统筹区 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            effectiveFrom: string;
                            /** @description 月份 YYYY-MM */
                            effectiveTo: string | null;
                            /** @description 1, 2, … within its series (kind, insurance type, region) */
                            version: number;
                            status: "draft" | "reviewed" | "published" | "voided";
                            year: number;
                            /** @description 月平均工资，分 fen */
                            monthlyFen: number;
                            note: string | null;
                            authorId: string;
                            /** Format: date-time */
                            createdAt: string;
                            reviewerId: string | null;
                            /** Format: date-time */
                            reviewedAt: string | null;
                            publisherId: string | null;
                            /** Format: date-time */
                            publishedAt: string | null;
                            voiderId: string | null;
                            /** Format: date-time */
                            voidedAt: string | null;
                            voidReason: string | null;
                        } | {
                            id: string;
                            /** @enum {string} */
                            kind: "base";
                            insuranceType: string;
                            /** @description 统筹区 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            effectiveFrom: string;
                            /** @description 月份 YYYY-MM */
                            effectiveTo: string | null;
                            /** @description 1, 2, … within its series (kind, insurance type, region) */
                            version: number;
                            status: "draft" | "reviewed" | "published" | "voided";
                            baseKind: string;
                            lowerBoundBp: number;
                            upperBoundBp: number;
                            /** @description 规则编码 */
                            lowerRuleCode: string;
                            /** @description 规则编码 */
                            upperRuleCode: string;
                            wageYearOffset: number;
                            note: string | null;
                            authorId: string;
                            /** Format: date-time */
                            createdAt: string;
                            reviewerId: string | null;
                            /** Format: date-time */
                            reviewedAt: string | null;
                            publisherId: string | null;
                            /** Format: date-time */
                            publishedAt: string | null;
                            voiderId: string | null;
                            /** Format: date-time */
                            voidedAt: string | null;
                            voidReason: string | null;
                        } | {
                            id: string;
                            /** @enum {string} */
                            kind: "collection";
                            insuranceType: string;
                            /** @description 统筹区 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            effectiveFrom: string;
                            /** @description 月份 YYYY-MM */
                            effectiveTo: string | null;
                            /** @description 1, 2, … within its series (kind, insurance type, region) */
                            version: number;
                            status: "draft" | "reviewed" | "published" | "voided";
                            shares: {
                                /** @description 规则编码 */
                                ruleCode: string;
                                payer: "unit" | "person" | "fiscal";
                                baseKind: string;
                                ratePpm: number;
                                periodicity: "monthly" | "yearly";
                                dueMonth: number | null;
                                fund: "pooled_fund" | "personal_account" | "none";
                                flow: "from" | "to";
                                conditions: {
                                    ageAtMost?: number | null;
                                    ageAbove?: number | null;
                                    retired?: boolean | null;
                                    categories?: string[] | null;
                                };
                            }[];
                            note: string | null;
                            authorId: string;
                            /** Format: date-time */
                            createdAt: string;
                            reviewerId: string | null;
                            /** Format: date-time */
                            reviewedAt: string | null;
                            publisherId: string | null;
                            /** Format: date-time */
                            publishedAt: string | null;
                            voiderId: string | null;
                            /** Format: date-time */
                            voidedAt: string | null;
                            voidReason: string | null;
                        } | {
                            id: string;
                            /** @enum {string} */
                            kind: "settlement";
                            insuranceType: string;
                            /** @description 统筹区 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            effectiveFrom: string;
                            /** @description 月份 YYYY-MM */
                            effectiveTo: string | null;
                            /** @description 1, 2, … within its series (kind, insurance type, region) */
                            version: number;
                            status: "draft" | "reviewed" | "published" | "voided";
                            rows: {
                                visitKind?: "outpatient" | "inpatient";
                                institutionLevel?: 1 | 2 | 3;
                                personCategory?: string;
                                /** @description 起付线，分 fen */
                                deductibleFen: number;
                                deductiblePer: "visit" | "year";
                                fundRatioBp: number;
                                /** @description 年度封顶线，分 fen */
                                ceilingFen: number;
                                accountUsable: boolean;
                                ruleCodes: {
                                    /** @description 规则编码 */
                                    deductible: string;
                                    /** @description 规则编码 */
                                    fundRatio: string;
                                    /** @description 规则编码 */
                                    ceiling: string;
                                    /** @description 规则编码 */
                                    account: string;
                                };
                                /** @description 乙类先行自付比例，万分之几 (1000 = 10 %); absent: the catalog entry’s */
                                classBSelfPayBp?: number;
                            }[];
                            /** @description 单品乙类先行自付比例: before the rows’ share */
                            itemRatios: {
                                /** @description 医保目录编码 */
                                code: string;
                                /** @description 先行自付比例，万分之几 */
                                selfPayBp: number;
                            }[];
                            note: string | null;
                            authorId: string;
                            /** Format: date-time */
                            createdAt: string;
                            reviewerId: string | null;
                            /** Format: date-time */
                            reviewedAt: string | null;
                            publisherId: string | null;
                            /** Format: date-time */
                            publishedAt: string | null;
                            voiderId: string | null;
                            /** Format: date-time */
                            voidedAt: string | null;
                            voidReason: string | null;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/versions/{id}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 作废 void a version */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description 政策版本 a policy version and who wrote, reviewed, published or voided it */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            kind: "wage";
                            /** @enum {object|null} */
                            insuranceType: never | null;
                            /** @description 统筹区 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            effectiveFrom: string;
                            /** @description 月份 YYYY-MM */
                            effectiveTo: string | null;
                            /** @description 1, 2, … within its series (kind, insurance type, region) */
                            version: number;
                            status: "draft" | "reviewed" | "published" | "voided";
                            year: number;
                            /** @description 月平均工资，分 fen */
                            monthlyFen: number;
                            note: string | null;
                            authorId: string;
                            /** Format: date-time */
                            createdAt: string;
                            reviewerId: string | null;
                            /** Format: date-time */
                            reviewedAt: string | null;
                            publisherId: string | null;
                            /** Format: date-time */
                            publishedAt: string | null;
                            voiderId: string | null;
                            /** Format: date-time */
                            voidedAt: string | null;
                            voidReason: string | null;
                        } | {
                            id: string;
                            /** @enum {string} */
                            kind: "base";
                            insuranceType: string;
                            /** @description 统筹区 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            effectiveFrom: string;
                            /** @description 月份 YYYY-MM */
                            effectiveTo: string | null;
                            /** @description 1, 2, … within its series (kind, insurance type, region) */
                            version: number;
                            status: "draft" | "reviewed" | "published" | "voided";
                            baseKind: string;
                            lowerBoundBp: number;
                            upperBoundBp: number;
                            /** @description 规则编码 */
                            lowerRuleCode: string;
                            /** @description 规则编码 */
                            upperRuleCode: string;
                            wageYearOffset: number;
                            note: string | null;
                            authorId: string;
                            /** Format: date-time */
                            createdAt: string;
                            reviewerId: string | null;
                            /** Format: date-time */
                            reviewedAt: string | null;
                            publisherId: string | null;
                            /** Format: date-time */
                            publishedAt: string | null;
                            voiderId: string | null;
                            /** Format: date-time */
                            voidedAt: string | null;
                            voidReason: string | null;
                        } | {
                            id: string;
                            /** @enum {string} */
                            kind: "collection";
                            insuranceType: string;
                            /** @description 统筹区 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            effectiveFrom: string;
                            /** @description 月份 YYYY-MM */
                            effectiveTo: string | null;
                            /** @description 1, 2, … within its series (kind, insurance type, region) */
                            version: number;
                            status: "draft" | "reviewed" | "published" | "voided";
                            shares: {
                                /** @description 规则编码 */
                                ruleCode: string;
                                payer: "unit" | "person" | "fiscal";
                                baseKind: string;
                                ratePpm: number;
                                periodicity: "monthly" | "yearly";
                                dueMonth: number | null;
                                fund: "pooled_fund" | "personal_account" | "none";
                                flow: "from" | "to";
                                conditions: {
                                    ageAtMost?: number | null;
                                    ageAbove?: number | null;
                                    retired?: boolean | null;
                                    categories?: string[] | null;
                                };
                            }[];
                            note: string | null;
                            authorId: string;
                            /** Format: date-time */
                            createdAt: string;
                            reviewerId: string | null;
                            /** Format: date-time */
                            reviewedAt: string | null;
                            publisherId: string | null;
                            /** Format: date-time */
                            publishedAt: string | null;
                            voiderId: string | null;
                            /** Format: date-time */
                            voidedAt: string | null;
                            voidReason: string | null;
                        } | {
                            id: string;
                            /** @enum {string} */
                            kind: "settlement";
                            insuranceType: string;
                            /** @description 统筹区 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            effectiveFrom: string;
                            /** @description 月份 YYYY-MM */
                            effectiveTo: string | null;
                            /** @description 1, 2, … within its series (kind, insurance type, region) */
                            version: number;
                            status: "draft" | "reviewed" | "published" | "voided";
                            rows: {
                                visitKind?: "outpatient" | "inpatient";
                                institutionLevel?: 1 | 2 | 3;
                                personCategory?: string;
                                /** @description 起付线，分 fen */
                                deductibleFen: number;
                                deductiblePer: "visit" | "year";
                                fundRatioBp: number;
                                /** @description 年度封顶线，分 fen */
                                ceilingFen: number;
                                accountUsable: boolean;
                                ruleCodes: {
                                    /** @description 规则编码 */
                                    deductible: string;
                                    /** @description 规则编码 */
                                    fundRatio: string;
                                    /** @description 规则编码 */
                                    ceiling: string;
                                    /** @description 规则编码 */
                                    account: string;
                                };
                                /** @description 乙类先行自付比例，万分之几 (1000 = 10 %); absent: the catalog entry’s */
                                classBSelfPayBp?: number;
                            }[];
                            /** @description 单品乙类先行自付比例: before the rows’ share */
                            itemRatios: {
                                /** @description 医保目录编码 */
                                code: string;
                                /** @description 先行自付比例，万分之几 */
                                selfPayBp: number;
                            }[];
                            note: string | null;
                            authorId: string;
                            /** Format: date-time */
                            createdAt: string;
                            reviewerId: string | null;
                            /** Format: date-time */
                            reviewedAt: string | null;
                            publisherId: string | null;
                            /** Format: date-time */
                            publishedAt: string | null;
                            voiderId: string | null;
                            /** Format: date-time */
                            voidedAt: string | null;
                            voidReason: string | null;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/parameters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 生效政策参数 the published base rule, collection rule, settlement policy and wage in effect */
        get: {
            parameters: {
                query: {
                    /** @description 行政区划代码 */
                    regionCode: string;
                    /** @description 险种代码, e.g. 310, 390, 410, 510 */
                    insuranceType: string;
                    /** @description 月份 YYYY-MM */
                    month: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 生效政策参数 the rules and wage in effect */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description 统筹区 6-digit region code */
                            regionCode: string;
                            insuranceType: string;
                            /** @description 月份 YYYY-MM */
                            month: string;
                            /** @description 缴费基数规则 a contribution-base rule */
                            baseRule: {
                                id: string;
                                /** @enum {string} */
                                kind: "base";
                                insuranceType: string;
                                /** @description 统筹区 6-digit region code */
                                regionCode: string;
                                /** @description 月份 YYYY-MM */
                                effectiveFrom: string;
                                /** @description 月份 YYYY-MM */
                                effectiveTo: string | null;
                                /** @description 1, 2, … within its series (kind, insurance type, region) */
                                version: number;
                                status: "draft" | "reviewed" | "published" | "voided";
                                baseKind: string;
                                lowerBoundBp: number;
                                upperBoundBp: number;
                                /** @description 规则编码 */
                                lowerRuleCode: string;
                                /** @description 规则编码 */
                                upperRuleCode: string;
                                wageYearOffset: number;
                            } | null;
                            /** @description 征缴规则 a collection rule */
                            collectionRule: {
                                id: string;
                                /** @enum {string} */
                                kind: "collection";
                                insuranceType: string;
                                /** @description 统筹区 6-digit region code */
                                regionCode: string;
                                /** @description 月份 YYYY-MM */
                                effectiveFrom: string;
                                /** @description 月份 YYYY-MM */
                                effectiveTo: string | null;
                                /** @description 1, 2, … within its series (kind, insurance type, region) */
                                version: number;
                                status: "draft" | "reviewed" | "published" | "voided";
                                shares: {
                                    /** @description 规则编码 */
                                    ruleCode: string;
                                    payer: "unit" | "person" | "fiscal";
                                    baseKind: string;
                                    ratePpm: number;
                                    periodicity: "monthly" | "yearly";
                                    dueMonth: number | null;
                                    fund: "pooled_fund" | "personal_account" | "none";
                                    flow: "from" | "to";
                                    conditions: {
                                        ageAtMost?: number | null;
                                        ageAbove?: number | null;
                                        retired?: boolean | null;
                                        categories?: string[] | null;
                                    };
                                }[];
                            } | null;
                            /** @description 结算政策 a settlement policy */
                            settlementRule: {
                                id: string;
                                /** @enum {string} */
                                kind: "settlement";
                                insuranceType: string;
                                /** @description 统筹区 6-digit region code */
                                regionCode: string;
                                /** @description 月份 YYYY-MM */
                                effectiveFrom: string;
                                /** @description 月份 YYYY-MM */
                                effectiveTo: string | null;
                                /** @description 1, 2, … within its series (kind, insurance type, region) */
                                version: number;
                                status: "draft" | "reviewed" | "published" | "voided";
                                rows: {
                                    visitKind?: "outpatient" | "inpatient";
                                    institutionLevel?: 1 | 2 | 3;
                                    personCategory?: string;
                                    /** @description 起付线，分 fen */
                                    deductibleFen: number;
                                    deductiblePer: "visit" | "year";
                                    fundRatioBp: number;
                                    /** @description 年度封顶线，分 fen */
                                    ceilingFen: number;
                                    accountUsable: boolean;
                                    ruleCodes: {
                                        /** @description 规则编码 */
                                        deductible: string;
                                        /** @description 规则编码 */
                                        fundRatio: string;
                                        /** @description 规则编码 */
                                        ceiling: string;
                                        /** @description 规则编码 */
                                        account: string;
                                    };
                                    /** @description 乙类先行自付比例，万分之几 (1000 = 10 %); absent: the catalog entry’s */
                                    classBSelfPayBp?: number;
                                }[];
                                /** @description 单品乙类先行自付比例: before the rows’ share */
                                itemRatios: {
                                    /** @description 医保目录编码 */
                                    code: string;
                                    /** @description 先行自付比例，万分之几 */
                                    selfPayBp: number;
                                }[];
                            } | null;
                            /** @description 社平工资 a social average wage */
                            wage: {
                                id: string;
                                /** @enum {string} */
                                kind: "wage";
                                /** @enum {object|null} */
                                insuranceType: never | null;
                                /** @description 统筹区 6-digit region code */
                                regionCode: string;
                                /** @description 月份 YYYY-MM */
                                effectiveFrom: string;
                                /** @description 月份 YYYY-MM */
                                effectiveTo: string | null;
                                /** @description 1, 2, … within its series (kind, insurance type, region) */
                                version: number;
                                status: "draft" | "reviewed" | "published" | "voided";
                                year: number;
                                /** @description 月平均工资，分 fen */
                                monthlyFen: number;
                            } | null;
                            /** @description the year of the wage the base rule bounds this month with */
                            wageYear: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/catalogs/{kind}/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 导入医保目录（CSV，暂存待发布） import a catalog file into the staging area
         * @description Body: the CSV file itself, `Content-Type: text/csv` (UTF-8, or `; charset=gb18030` for GBK), up to 16 MiB. Header row with 编码/code, 名称/name, 开始日期/validFrom, 类别/class (甲类/乙类/丙类 or A/B/C; not for diagnoses), optional 规格/specification, 自付比例/selfPayRatio (乙类: 10% or 0.1), 限价/priceCap (yuan, 2 decimals), 结束日期/validTo, 操作/action (blank to add or change, 删除/remove to remove). Other columns are ignored. Valid rows are staged for the next version; the answer lists each bad row (row, field, reason).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 目录类别 drug-western 西药 / drug-chinese-patent 中成药 / consumable 医用耗材 / service-item 医疗服务项目 / diagnosis 诊断 (ICD-10 医保版) */
                    kind: "drug-western" | "drug-chinese-patent" | "consumable" | "service-item" | "diagnosis";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 目录导入结果 what an import staged, and the rows it refused */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            kind: "drug-western" | "drug-chinese-patent" | "consumable" | "service-item" | "diagnosis";
                            rows: number;
                            staged: number;
                            pending: number;
                            errorCount: number;
                            errors: {
                                row: number;
                                field: string;
                                reason: "required" | "length" | "prefix" | "characters" | "format" | "range" | "not_allowed" | "duplicate" | "unknown_code";
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/catalogs/{kind}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 发布暂存的目录变更为新版本（导入人以外） publish staged changes as the next version (not by who staged them) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 目录类别 drug-western 西药 / drug-chinese-patent 中成药 / consumable 医用耗材 / service-item 医疗服务项目 / diagnosis 诊断 (ICD-10 医保版) */
                    kind: "drug-western" | "drug-chinese-patent" | "consumable" | "service-item" | "diagnosis";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 目录版本 a published catalog version */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            kind: "drug-western" | "drug-chinese-patent" | "consumable" | "service-item" | "diagnosis";
                            version: number;
                            added: number;
                            changed: number;
                            removed: number;
                            publishedBy: string;
                            /** Format: date-time */
                            publishedAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/catalogs/{kind}/entries/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 按编码查询目录条目 a current catalog entry by code */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 目录类别 drug-western 西药 / drug-chinese-patent 中成药 / consumable 医用耗材 / service-item 医疗服务项目 / diagnosis 诊断 (ICD-10 医保版) */
                    kind: "drug-western" | "drug-chinese-patent" | "consumable" | "service-item" | "diagnosis";
                    /** @description 医保编码, e.g. XA01ABD075A002010100483, I10.x00 */
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 目录条目 a catalog entry */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            kind: "drug-western" | "drug-chinese-patent" | "consumable" | "service-item" | "diagnosis";
                            code: string;
                            name: string;
                            specification: string | null;
                            class: ("A" | "B" | "C") | (never | null);
                            /** @description 乙类自付比例，百万分之几 */
                            selfPayPpm: number | null;
                            /** @description 限价，分 fen */
                            priceCapFen: number | null;
                            validFrom: string;
                            validTo: string | null;
                            version: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/catalogs/{kind}/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 按名称检索目录 search current entries by name fragment */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                    /** @description 名称片段, e.g. 阿莫西林 */
                    q?: string;
                };
                header?: never;
                path: {
                    /** @description 目录类别 drug-western 西药 / drug-chinese-patent 中成药 / consumable 医用耗材 / service-item 医疗服务项目 / diagnosis 诊断 (ICD-10 医保版) */
                    kind: "drug-western" | "drug-chinese-patent" | "consumable" | "service-item" | "diagnosis";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                kind: "drug-western" | "drug-chinese-patent" | "consumable" | "service-item" | "diagnosis";
                                code: string;
                                name: string;
                                specification: string | null;
                                class: ("A" | "B" | "C") | (never | null);
                                /** @description 乙类自付比例，百万分之几 */
                                selfPayPpm: number | null;
                                /** @description 限价，分 fen */
                                priceCapFen: number | null;
                                validFrom: string;
                                validTo: string | null;
                                version: number;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy/catalogs/{kind}/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 目录变更（某版本之后） what the versions after `since` added, changed and removed */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                    /** @description 已同步到的版本号；0 为全部 */
                    since: number;
                };
                header?: never;
                path: {
                    /** @description 目录类别 drug-western 西药 / drug-chinese-patent 中成药 / consumable 医用耗材 / service-item 医疗服务项目 / diagnosis 诊断 (ICD-10 医保版) */
                    kind: "drug-western" | "drug-chinese-patent" | "consumable" | "service-item" | "diagnosis";
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 目录变更 the changes after a version */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                version: number;
                                action: "added" | "changed" | "removed";
                                code: string;
                                /** @description the data after an add or change, before a removal */
                                entry: {
                                    code: string;
                                    name: string;
                                    specification: string | null;
                                    class: ("A" | "B" | "C") | (never | null);
                                    /** @description 乙类自付比例，百万分之几 */
                                    selfPayPpm: number | null;
                                    /** @description 限价，分 fen */
                                    priceCapFen: number | null;
                                    validFrom: string;
                                    validTo: string | null;
                                };
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                            kind: "drug-western" | "drug-chinese-patent" | "consumable" | "service-item" | "diagnosis";
                            since: number;
                            latestVersion: number;
                            versions: {
                                kind: "drug-western" | "drug-chinese-patent" | "consumable" | "service-item" | "diagnosis";
                                version: number;
                                added: number;
                                changed: number;
                                removed: number;
                                publishedBy: string;
                                /** Format: date-time */
                                publishedAt: string;
                            }[];
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/persons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 自然人列表（本辖区） persons in your region */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                    /** @description 行政区划代码 */
                    regionCode?: string;
                    status?: "active" | "cancelled";
                    /** @description 人员类别 employee 在职职工 / retired 退休人员 / flexible 灵活就业人员 / unemployed 失业人员 / resident 城乡居民 / student 学生儿童 */
                    category?: "employee" | "retired" | "flexible" | "unemployed" | "resident" | "student";
                    name?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @description 身份证号码 (masked: 4113**********1234) */
                                idNumber: string;
                                name: string;
                                /** @description YYYY-MM-DD (masked: YYYY-**-**) */
                                birthDate: string;
                                sex: "male" | "female";
                                phone: string | null;
                                /** @description 行政区划代码 */
                                regionCode: string;
                                /** @description 人员类别 */
                                category: "employee" | "retired" | "flexible" | "unemployed" | "resident" | "student";
                                status: "active" | "cancelled";
                                cancellation: {
                                    reason: "death" | "emigration" | "duplicate" | "dissolved" | "other";
                                    /** Format: date */
                                    date: string;
                                    note: string | null;
                                } | null;
                                version: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** 新增自然人 register a person; an identity number on file with another name opens a conflict case (202) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: cn-id-number
                         * @description 居民身份证号码 (GB 11643)
                         */
                        idNumber: string;
                        name: string;
                        /** Format: date */
                        birthDate?: string;
                        sex?: "male" | "female";
                        /**
                         * Format: cn-mobile
                         * @description 手机号
                         */
                        phone?: string;
                        /**
                         * Format: region-code
                         * @description 行政区划代码
                         */
                        regionCode: string;
                        /** @description 人员类别 employee 在职职工 / retired 退休人员 / flexible 灵活就业人员 / unemployed 失业人员 / resident 城乡居民 / student 学生儿童 */
                        category: "employee" | "retired" | "flexible" | "unemployed" | "resident" | "student";
                    };
                };
            };
            responses: {
                /** @description 自然人 a person (masked) */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description 身份证号码 (masked: 4113**********1234) */
                            idNumber: string;
                            name: string;
                            /** @description YYYY-MM-DD (masked: YYYY-**-**) */
                            birthDate: string;
                            sex: "male" | "female";
                            phone: string | null;
                            /** @description 行政区划代码 */
                            regionCode: string;
                            /** @description 人员类别 */
                            category: "employee" | "retired" | "flexible" | "unemployed" | "resident" | "student";
                            status: "active" | "cancelled";
                            cancellation: {
                                reason: "death" | "emigration" | "duplicate" | "dissolved" | "other";
                                /** Format: date */
                                date: string;
                                note: string | null;
                            } | null;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description 已转会商 a conflict case opened instead */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "conflict";
                            conflict: {
                                id: string;
                                personId: string;
                                status: "open" | "kept_existing" | "took_incoming" | "rejected";
                                /** @description create, change or import */
                                source: string;
                                /** @description import job and row: imp_…#row */
                                sourceRef: string | null;
                                existing: {
                                    name?: string;
                                    birthDate?: string;
                                    sex?: "male" | "female";
                                    phone?: string | null;
                                    /** @description 行政区划代码 */
                                    regionCode?: string;
                                    category?: string;
                                };
                                incoming: {
                                    name?: string;
                                    birthDate?: string;
                                    sex?: "male" | "female";
                                    phone?: string | null;
                                    /** @description 行政区划代码 */
                                    regionCode?: string;
                                    category?: string;
                                };
                                differences: ("name" | "birthDate" | "sex" | "regionCode" | "category")[];
                                openedBy: string | null;
                                /** Format: date-time */
                                openedAt: string;
                                decision: {
                                    status: "open" | "kept_existing" | "took_incoming" | "rejected";
                                    by: string | null;
                                    /** Format: date-time */
                                    at: string;
                                    note: string | null;
                                } | null;
                            } | {
                                id: string;
                                status: "open" | "kept_existing" | "took_incoming" | "rejected";
                            };
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/persons/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 按身份证号码查询（盲索引；号码不进入地址和日志） find a person by identity number */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: cn-id-number
                         * @description 居民身份证号码 (GB 11643)
                         */
                        idNumber: string;
                    };
                };
            };
            responses: {
                /** @description 自然人 a person (masked) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description 身份证号码 (masked: 4113**********1234) */
                            idNumber: string;
                            name: string;
                            /** @description YYYY-MM-DD (masked: YYYY-**-**) */
                            birthDate: string;
                            sex: "male" | "female";
                            phone: string | null;
                            /** @description 行政区划代码 */
                            regionCode: string;
                            /** @description 人员类别 */
                            category: "employee" | "retired" | "flexible" | "unemployed" | "resident" | "student";
                            status: "active" | "cancelled";
                            cancellation: {
                                reason: "death" | "emigration" | "duplicate" | "dissolved" | "other";
                                /** Format: date */
                                date: string;
                                note: string | null;
                            } | null;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/persons/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 查看自然人 one person */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 自然人 a person (masked) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description 身份证号码 (masked: 4113**********1234) */
                            idNumber: string;
                            name: string;
                            /** @description YYYY-MM-DD (masked: YYYY-**-**) */
                            birthDate: string;
                            sex: "male" | "female";
                            phone: string | null;
                            /** @description 行政区划代码 */
                            regionCode: string;
                            /** @description 人员类别 */
                            category: "employee" | "retired" | "flexible" | "unemployed" | "resident" | "student";
                            status: "active" | "cancelled";
                            cancellation: {
                                reason: "death" | "emigration" | "duplicate" | "dissolved" | "other";
                                /** Format: date */
                                date: string;
                                note: string | null;
                            } | null;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 变更自然人信息；姓名变更转会商（202） change a person; a new name opens a conflict case (202) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /**
                         * Format: cn-mobile
                         * @description 手机号
                         */
                        phone?: string;
                        /**
                         * Format: region-code
                         * @description 行政区划代码
                         */
                        regionCode?: string;
                        /** @description 人员类别 employee 在职职工 / retired 退休人员 / flexible 灵活就业人员 / unemployed 失业人员 / resident 城乡居民 / student 学生儿童 */
                        category?: "employee" | "retired" | "flexible" | "unemployed" | "resident" | "student";
                        /** @description 所读取的版本；不一致时 409 the version read; a different current version is a 409 */
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description 变更后的自然人 a person after a change */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description 身份证号码 (masked: 4113**********1234) */
                            idNumber: string;
                            name: string;
                            /** @description YYYY-MM-DD (masked: YYYY-**-**) */
                            birthDate: string;
                            sex: "male" | "female";
                            phone: string | null;
                            /** @description 行政区划代码 */
                            regionCode: string;
                            /** @description 人员类别 */
                            category: "employee" | "retired" | "flexible" | "unemployed" | "resident" | "student";
                            status: "active" | "cancelled";
                            cancellation: {
                                reason: "death" | "emigration" | "duplicate" | "dissolved" | "other";
                                /** Format: date */
                                date: string;
                                note: string | null;
                            } | null;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            changed: boolean;
                        };
                    };
                };
                /** @description 已转会商 a conflict case opened instead */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "conflict";
                            conflict: {
                                id: string;
                                personId: string;
                                status: "open" | "kept_existing" | "took_incoming" | "rejected";
                                /** @description create, change or import */
                                source: string;
                                /** @description import job and row: imp_…#row */
                                sourceRef: string | null;
                                existing: {
                                    name?: string;
                                    birthDate?: string;
                                    sex?: "male" | "female";
                                    phone?: string | null;
                                    /** @description 行政区划代码 */
                                    regionCode?: string;
                                    category?: string;
                                };
                                incoming: {
                                    name?: string;
                                    birthDate?: string;
                                    sex?: "male" | "female";
                                    phone?: string | null;
                                    /** @description 行政区划代码 */
                                    regionCode?: string;
                                    category?: string;
                                };
                                differences: ("name" | "birthDate" | "sex" | "regionCode" | "category")[];
                                openedBy: string | null;
                                /** Format: date-time */
                                openedAt: string;
                                decision: {
                                    status: "open" | "kept_existing" | "took_incoming" | "rejected";
                                    by: string | null;
                                    /** Format: date-time */
                                    at: string;
                                    note: string | null;
                                } | null;
                            } | {
                                id: string;
                                status: "open" | "kept_existing" | "took_incoming" | "rejected";
                            };
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/registry/persons/{id}/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 显示完整信息（审计） a person’s name, identity number, birth date and phone in full; each reveal is audited */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 查看原因 why (kept in the audit record) */
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description 自然人完整信息 a person in full */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            idNumber: string;
                            /** Format: date */
                            birthDate: string;
                            phone: string | null;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/persons/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 注销自然人（如死亡） cancel a person’s record */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 注销原因 death / emigration / duplicate / dissolved / other */
                        reason: "death" | "emigration" | "duplicate" | "dissolved" | "other";
                        /** Format: date */
                        date: string;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description 自然人 a person (masked) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description 身份证号码 (masked: 4113**********1234) */
                            idNumber: string;
                            name: string;
                            /** @description YYYY-MM-DD (masked: YYYY-**-**) */
                            birthDate: string;
                            sex: "male" | "female";
                            phone: string | null;
                            /** @description 行政区划代码 */
                            regionCode: string;
                            /** @description 人员类别 */
                            category: "employee" | "retired" | "flexible" | "unemployed" | "resident" | "student";
                            status: "active" | "cancelled";
                            cancellation: {
                                reason: "death" | "emigration" | "duplicate" | "dissolved" | "other";
                                /** Format: date */
                                date: string;
                                note: string | null;
                            } | null;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/persons/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 自然人变更历史（脱敏，按时间先后） change history of a person (masked), oldest first */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                action: "created" | "changed" | "cancelled";
                                /** Format: date-time */
                                at: string;
                                actor: {
                                    id: string | null;
                                    kind: string;
                                };
                                /** @description api, import or conflict */
                                source: string;
                                /** @description the import job or conflict case behind the change */
                                sourceRef: string | null;
                                changes: {
                                    field: string;
                                    from: string | null;
                                    to: string | null;
                                }[];
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/entities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 法人列表（本辖区；可按统一社会信用代码查询） legal entities in your region */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                    /** @description 行政区划代码 */
                    regionCode?: string;
                    status?: "active" | "cancelled";
                    /** @description 单位类型 enterprise 企业 / public_institution 事业单位 / government 机关 / social_org 社会组织 / individual_business 个体工商户 / other */
                    type?: "enterprise" | "public_institution" | "government" | "social_org" | "individual_business" | "other";
                    /** @description 统一社会信用代码 (GB 32100) */
                    creditCode?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @description 统一社会信用代码 */
                                creditCode: string;
                                name: string;
                                /** @description 单位类型 */
                                type: "enterprise" | "public_institution" | "government" | "social_org" | "individual_business" | "other";
                                /** @description 行政区划代码 */
                                regionCode: string;
                                /** @description 法定代表人 */
                                legalRepresentative: {
                                    name: string;
                                    idNumber: string | null;
                                };
                                status: "active" | "cancelled";
                                cancellation: {
                                    reason: "death" | "emigration" | "duplicate" | "dissolved" | "other";
                                    /** Format: date */
                                    date: string;
                                    note: string | null;
                                } | null;
                                version: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** 新增法人 / 单位 register a legal entity */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: cn-credit-code
                         * @description 统一社会信用代码 (GB 32100)
                         */
                        creditCode: string;
                        name: string;
                        /** @description 单位类型 enterprise 企业 / public_institution 事业单位 / government 机关 / social_org 社会组织 / individual_business 个体工商户 / other */
                        type: "enterprise" | "public_institution" | "government" | "social_org" | "individual_business" | "other";
                        /**
                         * Format: region-code
                         * @description 行政区划代码
                         */
                        regionCode: string;
                        legalRepName: string;
                        /**
                         * Format: cn-id-number
                         * @description 居民身份证号码 (GB 11643)
                         */
                        legalRepIdNumber?: string;
                    };
                };
            };
            responses: {
                /** @description 法人 a legal entity */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description 统一社会信用代码 */
                            creditCode: string;
                            name: string;
                            /** @description 单位类型 */
                            type: "enterprise" | "public_institution" | "government" | "social_org" | "individual_business" | "other";
                            /** @description 行政区划代码 */
                            regionCode: string;
                            /** @description 法定代表人 */
                            legalRepresentative: {
                                name: string;
                                idNumber: string | null;
                            };
                            status: "active" | "cancelled";
                            cancellation: {
                                reason: "death" | "emigration" | "duplicate" | "dissolved" | "other";
                                /** Format: date */
                                date: string;
                                note: string | null;
                            } | null;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/entities/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 查看法人 one legal entity */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 法人 a legal entity */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description 统一社会信用代码 */
                            creditCode: string;
                            name: string;
                            /** @description 单位类型 */
                            type: "enterprise" | "public_institution" | "government" | "social_org" | "individual_business" | "other";
                            /** @description 行政区划代码 */
                            regionCode: string;
                            /** @description 法定代表人 */
                            legalRepresentative: {
                                name: string;
                                idNumber: string | null;
                            };
                            status: "active" | "cancelled";
                            cancellation: {
                                reason: "death" | "emigration" | "duplicate" | "dissolved" | "other";
                                /** Format: date */
                                date: string;
                                note: string | null;
                            } | null;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 变更法人信息 change a legal entity */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** @description 单位类型 enterprise 企业 / public_institution 事业单位 / government 机关 / social_org 社会组织 / individual_business 个体工商户 / other */
                        type?: "enterprise" | "public_institution" | "government" | "social_org" | "individual_business" | "other";
                        /**
                         * Format: region-code
                         * @description 行政区划代码
                         */
                        regionCode?: string;
                        legalRepName?: string;
                        /**
                         * Format: cn-id-number
                         * @description 居民身份证号码 (GB 11643)
                         */
                        legalRepIdNumber?: string;
                        /** @description 所读取的版本；不一致时 409 the version read; a different current version is a 409 */
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description 变更后的法人 a legal entity after a change */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description 统一社会信用代码 */
                            creditCode: string;
                            name: string;
                            /** @description 单位类型 */
                            type: "enterprise" | "public_institution" | "government" | "social_org" | "individual_business" | "other";
                            /** @description 行政区划代码 */
                            regionCode: string;
                            /** @description 法定代表人 */
                            legalRepresentative: {
                                name: string;
                                idNumber: string | null;
                            };
                            status: "active" | "cancelled";
                            cancellation: {
                                reason: "death" | "emigration" | "duplicate" | "dissolved" | "other";
                                /** Format: date */
                                date: string;
                                note: string | null;
                            } | null;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            changed: boolean;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/registry/entities/{id}/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 显示法定代表人完整信息（审计） a legal representative’s name and identity number in full; each reveal is audited */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 查看原因 why (kept in the audit record) */
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description 法定代表人完整信息 a legal representative in full */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description 法定代表人 */
                            legalRepresentative: {
                                name: string;
                                idNumber: string | null;
                            };
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/entities/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 注销法人 cancel a legal entity */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 注销原因 death / emigration / duplicate / dissolved / other */
                        reason: "death" | "emigration" | "duplicate" | "dissolved" | "other";
                        /** Format: date */
                        date: string;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description 法人 a legal entity */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description 统一社会信用代码 */
                            creditCode: string;
                            name: string;
                            /** @description 单位类型 */
                            type: "enterprise" | "public_institution" | "government" | "social_org" | "individual_business" | "other";
                            /** @description 行政区划代码 */
                            regionCode: string;
                            /** @description 法定代表人 */
                            legalRepresentative: {
                                name: string;
                                idNumber: string | null;
                            };
                            status: "active" | "cancelled";
                            cancellation: {
                                reason: "death" | "emigration" | "duplicate" | "dissolved" | "other";
                                /** Format: date */
                                date: string;
                                note: string | null;
                            } | null;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/entities/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 法人变更历史（脱敏，按时间先后） change history of a legal entity (masked), oldest first */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                action: "created" | "changed" | "cancelled";
                                /** Format: date-time */
                                at: string;
                                actor: {
                                    id: string | null;
                                    kind: string;
                                };
                                /** @description api, import or conflict */
                                source: string;
                                /** @description the import job or conflict case behind the change */
                                sourceRef: string | null;
                                changes: {
                                    field: string;
                                    from: string | null;
                                    to: string | null;
                                }[];
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/conflicts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 会商列表（本辖区） conflict cases in your region */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                    status?: "open" | "kept_existing" | "took_incoming" | "rejected";
                    personId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                personId: string;
                                status: "open" | "kept_existing" | "took_incoming" | "rejected";
                                /** @description create, change or import */
                                source: string;
                                /** @description import job and row: imp_…#row */
                                sourceRef: string | null;
                                existing: {
                                    name?: string;
                                    birthDate?: string;
                                    sex?: "male" | "female";
                                    phone?: string | null;
                                    /** @description 行政区划代码 */
                                    regionCode?: string;
                                    category?: string;
                                };
                                incoming: {
                                    name?: string;
                                    birthDate?: string;
                                    sex?: "male" | "female";
                                    phone?: string | null;
                                    /** @description 行政区划代码 */
                                    regionCode?: string;
                                    category?: string;
                                };
                                differences: ("name" | "birthDate" | "sex" | "regionCode" | "category")[];
                                openedBy: string | null;
                                /** Format: date-time */
                                openedAt: string;
                                decision: {
                                    status: "open" | "kept_existing" | "took_incoming" | "rejected";
                                    by: string | null;
                                    /** Format: date-time */
                                    at: string;
                                    note: string | null;
                                } | null;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/conflicts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 查看会商 one conflict case: both versions and the source */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 会商 a conflict case */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            personId: string;
                            status: "open" | "kept_existing" | "took_incoming" | "rejected";
                            /** @description create, change or import */
                            source: string;
                            /** @description import job and row: imp_…#row */
                            sourceRef: string | null;
                            existing: {
                                name?: string;
                                birthDate?: string;
                                sex?: "male" | "female";
                                phone?: string | null;
                                /** @description 行政区划代码 */
                                regionCode?: string;
                                category?: string;
                            };
                            incoming: {
                                name?: string;
                                birthDate?: string;
                                sex?: "male" | "female";
                                phone?: string | null;
                                /** @description 行政区划代码 */
                                regionCode?: string;
                                category?: string;
                            };
                            differences: ("name" | "birthDate" | "sex" | "regionCode" | "category")[];
                            openedBy: string | null;
                            /** Format: date-time */
                            openedAt: string;
                            decision: {
                                status: "open" | "kept_existing" | "took_incoming" | "rejected";
                                by: string | null;
                                /** Format: date-time */
                                at: string;
                                note: string | null;
                            } | null;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/conflicts/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 会商处理：保留原记录 / 采用新信息 / 驳回 decide a conflict case */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description keep_existing 保留原记录 / take_incoming 采用新信息 / reject 驳回 */
                        decision: "keep_existing" | "take_incoming" | "reject";
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description 会商处理结果 a decided case */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description 会商 a conflict case */
                            conflict: {
                                id: string;
                                personId: string;
                                status: "open" | "kept_existing" | "took_incoming" | "rejected";
                                /** @description create, change or import */
                                source: string;
                                /** @description import job and row: imp_…#row */
                                sourceRef: string | null;
                                existing: {
                                    name?: string;
                                    birthDate?: string;
                                    sex?: "male" | "female";
                                    phone?: string | null;
                                    /** @description 行政区划代码 */
                                    regionCode?: string;
                                    category?: string;
                                };
                                incoming: {
                                    name?: string;
                                    birthDate?: string;
                                    sex?: "male" | "female";
                                    phone?: string | null;
                                    /** @description 行政区划代码 */
                                    regionCode?: string;
                                    category?: string;
                                };
                                differences: ("name" | "birthDate" | "sex" | "regionCode" | "category")[];
                                openedBy: string | null;
                                /** Format: date-time */
                                openedAt: string;
                                decision: {
                                    status: "open" | "kept_existing" | "took_incoming" | "rejected";
                                    by: string | null;
                                    /** Format: date-time */
                                    at: string;
                                    note: string | null;
                                } | null;
                            };
                            /** @description 自然人 a person (masked) */
                            person: {
                                id: string;
                                /** @description 身份证号码 (masked: 4113**********1234) */
                                idNumber: string;
                                name: string;
                                /** @description YYYY-MM-DD (masked: YYYY-**-**) */
                                birthDate: string;
                                sex: "male" | "female";
                                phone: string | null;
                                /** @description 行政区划代码 */
                                regionCode: string;
                                /** @description 人员类别 */
                                category: "employee" | "retired" | "flexible" | "unemployed" | "resident" | "student";
                                status: "active" | "cancelled";
                                cancellation: {
                                    reason: "death" | "emigration" | "duplicate" | "dissolved" | "other";
                                    /** Format: date */
                                    date: string;
                                    note: string | null;
                                } | null;
                                version: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            } | null;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导入任务列表（本辖区） import jobs in your region */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                status: "receiving" | "queued" | "running" | "completed" | "failed" | "interrupted";
                                source: "upload" | "cli";
                                fileName: string | null;
                                bytes: number;
                                rows: {
                                    read: number;
                                    committed: number;
                                    unchanged: number;
                                    failed: number;
                                    conflicts: number;
                                };
                                checkpointRow: number;
                                error: {
                                    code: string;
                                    message: string;
                                } | null;
                                createdBy: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                startedAt: string | null;
                                /** Format: date-time */
                                finishedAt: string | null;
                                /** Format: date-time */
                                heartbeatAt: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * 批量导入自然人（CSV / Excel，后台处理，202） import persons from a CSV or Excel file, as a background job
         * @description Body: the CSV file itself, `Content-Type: text/csv` (UTF-8, or `; charset=gb18030` for GBK), or an Excel file (`Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`, first worksheet, identity numbers as text cells), up to 64 MiB. Header row with 身份证号/idNumber, 姓名/name, 区划/regionCode, 人员类别/category, optional 手机号/phone, 出生日期/birthDate, 性别/sex. Answers 202 with the job; follow it at GET /imports/{id}, row errors at GET /imports/{id}/errors.csv.
         */
        post: {
            parameters: {
                query?: {
                    fileName?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 导入任务 an import job */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            status: "receiving" | "queued" | "running" | "completed" | "failed" | "interrupted";
                            source: "upload" | "cli";
                            fileName: string | null;
                            bytes: number;
                            rows: {
                                read: number;
                                committed: number;
                                unchanged: number;
                                failed: number;
                                conflicts: number;
                            };
                            checkpointRow: number;
                            error: {
                                code: string;
                                message: string;
                            } | null;
                            createdBy: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            startedAt: string | null;
                            /** Format: date-time */
                            finishedAt: string | null;
                            /** Format: date-time */
                            heartbeatAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导入进度：已读、已入库、未变、失败、会商 import progress */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 导入任务 an import job */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            status: "receiving" | "queued" | "running" | "completed" | "failed" | "interrupted";
                            source: "upload" | "cli";
                            fileName: string | null;
                            bytes: number;
                            rows: {
                                read: number;
                                committed: number;
                                unchanged: number;
                                failed: number;
                                conflicts: number;
                            };
                            checkpointRow: number;
                            error: {
                                code: string;
                                message: string;
                            } | null;
                            createdBy: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            startedAt: string | null;
                            /** Format: date-time */
                            finishedAt: string | null;
                            /** Format: date-time */
                            heartbeatAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/imports/{id}/errors.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导入错误报告（CSV：行号、字段、原因） row errors as CSV */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 导入错误报告 row, line, field, code, message (UTF-8 with BOM) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/imports/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 继续中断的导入（从检查点起） resume an interrupted import after its checkpoint */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 导入任务 an import job */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            status: "receiving" | "queued" | "running" | "completed" | "failed" | "interrupted";
                            source: "upload" | "cli";
                            fileName: string | null;
                            bytes: number;
                            rows: {
                                read: number;
                                committed: number;
                                unchanged: number;
                                failed: number;
                                conflicts: number;
                            };
                            checkpointRow: number;
                            error: {
                                code: string;
                                message: string;
                            } | null;
                            createdBy: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            startedAt: string | null;
                            /** Format: date-time */
                            finishedAt: string | null;
                            /** Format: date-time */
                            heartbeatAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/institutions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 定点医药机构列表（本辖区） designated institutions in your region */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                    /** @description 名称的一部分或编码的开头 part of the name or the start of the code */
                    q?: string;
                    /** @description 行政区划代码 */
                    regionCode?: string;
                    /** @description 医院等级 0 未定级 / 1 一级 / 2 二级 / 3 三级 (pharmacies 0) */
                    level?: number;
                    /** @description 机构类型 general_hospital 综合医院 / specialty_hospital 专科医院 / tcm_hospital 中医医院 / primary_care 基层医疗卫生机构 / clinic 诊所 (H) · retail_pharmacy 单体零售药店 / chain_pharmacy 连锁零售药店 (P) */
                    kind?: "general_hospital" | "specialty_hospital" | "tcm_hospital" | "primary_care" | "clinic" | "retail_pharmacy" | "chain_pharmacy";
                    /** @description 协议状态 active 有效 / suspended 暂停 / terminated 解除 */
                    agreementStatus?: "active" | "suspended" | "terminated";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description 定点医药机构编码 H / P + 6-digit pooling region + 5 digits */
                                code: string;
                                name: string;
                                /** @description 机构类型 general_hospital 综合医院 / specialty_hospital 专科医院 / tcm_hospital 中医医院 / primary_care 基层医疗卫生机构 / clinic 诊所 / retail_pharmacy 单体零售药店 / chain_pharmacy 连锁零售药店 */
                                kind: "general_hospital" | "specialty_hospital" | "tcm_hospital" | "primary_care" | "clinic" | "retail_pharmacy" | "chain_pharmacy";
                                /** @description 法人统一社会信用代码 */
                                creditCode: string;
                                /** @description 统筹区 the pooling region (the code’s 6 digits) */
                                regionCode: string;
                                /** @description 医院等级 0 未定级 / 1 一级 / 2 二级 / 3 三级 */
                                level: number;
                                /** @description 协议状态 active 有效 / suspended 暂停 / terminated 解除 */
                                agreementStatus: "active" | "suspended" | "terminated";
                                /** Format: date */
                                agreementFrom: string;
                                /** Format: date */
                                agreementTo: string;
                                address: string;
                                version: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** 新增定点医药机构 register a designated institution */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 定点医药机构编码 H (medical) / P (pharmacy) + 6-digit pooling region + 5 digits, e.g. H41130200746 */
                        code: string;
                        name: string;
                        /** @description 机构类型 general_hospital 综合医院 / specialty_hospital 专科医院 / tcm_hospital 中医医院 / primary_care 基层医疗卫生机构 / clinic 诊所 (H) · retail_pharmacy 单体零售药店 / chain_pharmacy 连锁零售药店 (P) */
                        kind: "general_hospital" | "specialty_hospital" | "tcm_hospital" | "primary_care" | "clinic" | "retail_pharmacy" | "chain_pharmacy";
                        /**
                         * Format: cn-credit-code
                         * @description 统一社会信用代码 (GB 32100)
                         */
                        creditCode: string;
                        /**
                         * Format: region-code
                         * @description 行政区划代码
                         */
                        regionCode?: string;
                        /** @description 医院等级 0 未定级 / 1 一级 / 2 二级 / 3 三级 (pharmacies 0) */
                        level: number;
                        /** @description 协议状态 active 有效 / suspended 暂停 / terminated 解除 */
                        agreementStatus?: "active" | "suspended" | "terminated";
                        /** Format: date */
                        agreementFrom: string;
                        /** Format: date */
                        agreementTo: string;
                        address?: string;
                    };
                };
            };
            responses: {
                /** @description 定点医药机构 a designated institution */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description 定点医药机构编码 H / P + 6-digit pooling region + 5 digits */
                            code: string;
                            name: string;
                            /** @description 机构类型 general_hospital 综合医院 / specialty_hospital 专科医院 / tcm_hospital 中医医院 / primary_care 基层医疗卫生机构 / clinic 诊所 / retail_pharmacy 单体零售药店 / chain_pharmacy 连锁零售药店 */
                            kind: "general_hospital" | "specialty_hospital" | "tcm_hospital" | "primary_care" | "clinic" | "retail_pharmacy" | "chain_pharmacy";
                            /** @description 法人统一社会信用代码 */
                            creditCode: string;
                            /** @description 统筹区 the pooling region (the code’s 6 digits) */
                            regionCode: string;
                            /** @description 医院等级 0 未定级 / 1 一级 / 2 二级 / 3 三级 */
                            level: number;
                            /** @description 协议状态 active 有效 / suspended 暂停 / terminated 解除 */
                            agreementStatus: "active" | "suspended" | "terminated";
                            /** Format: date */
                            agreementFrom: string;
                            /** Format: date */
                            agreementTo: string;
                            address: string;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/institutions/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 查看定点医药机构 one designated institution */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 定点医药机构编码 H (medical) / P (pharmacy) + 6-digit pooling region + 5 digits, e.g. H41130200746 */
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 定点医药机构 a designated institution */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description 定点医药机构编码 H / P + 6-digit pooling region + 5 digits */
                            code: string;
                            name: string;
                            /** @description 机构类型 general_hospital 综合医院 / specialty_hospital 专科医院 / tcm_hospital 中医医院 / primary_care 基层医疗卫生机构 / clinic 诊所 / retail_pharmacy 单体零售药店 / chain_pharmacy 连锁零售药店 */
                            kind: "general_hospital" | "specialty_hospital" | "tcm_hospital" | "primary_care" | "clinic" | "retail_pharmacy" | "chain_pharmacy";
                            /** @description 法人统一社会信用代码 */
                            creditCode: string;
                            /** @description 统筹区 the pooling region (the code’s 6 digits) */
                            regionCode: string;
                            /** @description 医院等级 0 未定级 / 1 一级 / 2 二级 / 3 三级 */
                            level: number;
                            /** @description 协议状态 active 有效 / suspended 暂停 / terminated 解除 */
                            agreementStatus: "active" | "suspended" | "terminated";
                            /** Format: date */
                            agreementFrom: string;
                            /** Format: date */
                            agreementTo: string;
                            address: string;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 变更定点医药机构（等级、协议续签 / 暂停 / 解除…） change a designated institution: level, agreement … */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 定点医药机构编码 H (medical) / P (pharmacy) + 6-digit pooling region + 5 digits, e.g. H41130200746 */
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** @description 机构类型 general_hospital 综合医院 / specialty_hospital 专科医院 / tcm_hospital 中医医院 / primary_care 基层医疗卫生机构 / clinic 诊所 (H) · retail_pharmacy 单体零售药店 / chain_pharmacy 连锁零售药店 (P) */
                        kind?: "general_hospital" | "specialty_hospital" | "tcm_hospital" | "primary_care" | "clinic" | "retail_pharmacy" | "chain_pharmacy";
                        /**
                         * Format: cn-credit-code
                         * @description 统一社会信用代码 (GB 32100)
                         */
                        creditCode?: string;
                        /** @description 医院等级 0 未定级 / 1 一级 / 2 二级 / 3 三级 (pharmacies 0) */
                        level?: number;
                        /** @description 协议状态 active 有效 / suspended 暂停 / terminated 解除 */
                        agreementStatus?: "active" | "suspended" | "terminated";
                        /** Format: date */
                        agreementFrom?: string;
                        /** Format: date */
                        agreementTo?: string;
                        address?: string;
                        /** @description 所读取的版本；不一致时 409 the version read; a different current version is a 409 */
                        version: number;
                    };
                };
            };
            responses: {
                /** @description 变更后的定点医药机构 an institution after a change */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description 定点医药机构编码 H / P + 6-digit pooling region + 5 digits */
                            code: string;
                            name: string;
                            /** @description 机构类型 general_hospital 综合医院 / specialty_hospital 专科医院 / tcm_hospital 中医医院 / primary_care 基层医疗卫生机构 / clinic 诊所 / retail_pharmacy 单体零售药店 / chain_pharmacy 连锁零售药店 */
                            kind: "general_hospital" | "specialty_hospital" | "tcm_hospital" | "primary_care" | "clinic" | "retail_pharmacy" | "chain_pharmacy";
                            /** @description 法人统一社会信用代码 */
                            creditCode: string;
                            /** @description 统筹区 the pooling region (the code’s 6 digits) */
                            regionCode: string;
                            /** @description 医院等级 0 未定级 / 1 一级 / 2 二级 / 3 三级 */
                            level: number;
                            /** @description 协议状态 active 有效 / suspended 暂停 / terminated 解除 */
                            agreementStatus: "active" | "suspended" | "terminated";
                            /** Format: date */
                            agreementFrom: string;
                            /** Format: date */
                            agreementTo: string;
                            address: string;
                            version: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            changed: boolean;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/registry/institutions/{code}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 定点医药机构变更历史（按时间先后） change history of a designated institution, oldest first */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                };
                header?: never;
                path: {
                    /** @description 定点医药机构编码 H (medical) / P (pharmacy) + 6-digit pooling region + 5 digits, e.g. H41130200746 */
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                action: "created" | "changed" | "cancelled";
                                /** Format: date-time */
                                at: string;
                                actor: {
                                    id: string | null;
                                    kind: string;
                                };
                                /** @description api, import or conflict */
                                source: string;
                                /** @description the import job or conflict case behind the change */
                                sourceRef: string | null;
                                changes: {
                                    field: string;
                                    from: string | null;
                                    to: string | null;
                                }[];
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/registry/institutions/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 批量导入定点医药机构（CSV / Excel） import designated institutions from a CSV or Excel file
         * @description Body: the file itself, `Content-Type: text/csv` (UTF-8, or `; charset=gb18030` for GBK) or `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` (first worksheet), up to 16 MiB. Header row with 机构编码/code, 机构名称/name, 机构类型/kind, 统一社会信用代码/creditCode, 医院等级/level (0–3 or 未定级/一级/二级/三级), 协议开始日期/agreementFrom, 协议结束日期/agreementTo, optional 统筹区/regionCode, 协议状态/agreementStatus (有效/暂停/解除, default 有效), 地址/address. Valid rows are written (a known code is changed when a value differs); each bad row is listed with its row number, field and code.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 定点医药机构导入结果 what an import wrote, and the rows it refused */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            rows: number;
                            created: number;
                            changed: number;
                            unchanged: number;
                            errorCount: number;
                            /** @description the first 1,000 row errors, by row */
                            errors: {
                                /** @description spreadsheet row number (the header is row 1) */
                                row: number;
                                field: string;
                                code: string;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollment/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 单位参保列表（本辖区） unit enrollments in your region */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                    entityId?: string;
                    /** @description 险种代码, e.g. 310, 410 */
                    insuranceType?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                entityId: string;
                                insuranceType: string;
                                /** @description 行政区划代码 6-digit region code */
                                regionCode: string;
                                /** @description 月份 YYYY-MM */
                                fromMonth: string;
                                status: "active" | "ended";
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** 单位参保 enrol a registered legal entity in an insurance type from a month */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        entityId: string;
                        /** @description 险种代码, e.g. 310, 410 */
                        insuranceType: string;
                        /**
                         * Format: year-month
                         * @description 月份 YYYY-MM
                         */
                        fromMonth: string;
                    };
                };
            };
            responses: {
                /** @description 单位参保 a unit enrollment */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            entityId: string;
                            insuranceType: string;
                            /** @description 行政区划代码 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            fromMonth: string;
                            status: "active" | "ended";
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollment/units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 单位参保详情 one unit enrollment */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 单位参保 a unit enrollment */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            entityId: string;
                            insuranceType: string;
                            /** @description 行政区划代码 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            fromMonth: string;
                            status: "active" | "ended";
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollment/units/{id}/employees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 单位职工 employees enrolled through a unit */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                    status?: "active" | "suspended" | "removed";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                kind: "employee" | "flexible" | "resident";
                                unitEnrollmentId: string | null;
                                entityId: string | null;
                                personId: string;
                                insuranceType: string;
                                /** @description 行政区划代码 6-digit region code */
                                regionCode: string;
                                /** @description 月份 YYYY-MM */
                                fromMonth: string;
                                status: "active" | "suspended" | "removed";
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** 职工增员 add a registered person to a unit enrollment from a month */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        personId: string;
                        /**
                         * Format: year-month
                         * @description 月份 YYYY-MM
                         */
                        fromMonth: string;
                    };
                };
            };
            responses: {
                /** @description 人员参保 an enrollment (employee, flexible worker, resident) */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: "employee" | "flexible" | "resident";
                            unitEnrollmentId: string | null;
                            entityId: string | null;
                            personId: string;
                            insuranceType: string;
                            /** @description 行政区划代码 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            fromMonth: string;
                            status: "active" | "suspended" | "removed";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollment/units/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 单位变更记录 the unit’s change history */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** @description unit_enrolled, person_enrolled, person_suspended, …, application_approved */
                                action: string;
                                entityId: string | null;
                                personId: string | null;
                                detail: {
                                    [key: string]: unknown;
                                };
                                actorId: string;
                                /** Format: date-time */
                                at: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollment/employees/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 职工参保详情（状态变更、基数申报） one employee enrollment */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 参保详情 an enrollment with its status changes and wage declarations */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: "employee" | "flexible" | "resident";
                            unitEnrollmentId: string | null;
                            entityId: string | null;
                            personId: string;
                            insuranceType: string;
                            /** @description 行政区划代码 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            fromMonth: string;
                            status: "active" | "suspended" | "removed";
                            /** Format: date-time */
                            updatedAt: string;
                            changes: {
                                /** @description 月份 YYYY-MM */
                                month: string;
                                status: "active" | "suspended" | "removed";
                            }[];
                            wages: {
                                year: number;
                                /** @description 申报工资 declared monthly wage，分 fen */
                                declaredFen: number;
                                /** @description 缴费基数 the base that applies，分 fen */
                                baseFen: number;
                                /** @description 下限 lower bound，分 fen */
                                lowerFen: number;
                                /** @description 上限 upper bound，分 fen */
                                upperFen: number;
                                /** @description which one applied */
                                applied: "lower" | "upper" | "declared";
                                /** @description the rule code of the bound that applied */
                                ruleCode: string | null;
                                /** Format: date-time */
                                declaredAt: string;
                            }[];
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollment/employees/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 暂停参保 suspend from a month */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: year-month
                         * @description 月份 YYYY-MM
                         */
                        month: string;
                    };
                };
            };
            responses: {
                /** @description 人员参保 an enrollment (employee, flexible worker, resident) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: "employee" | "flexible" | "resident";
                            unitEnrollmentId: string | null;
                            entityId: string | null;
                            personId: string;
                            insuranceType: string;
                            /** @description 行政区划代码 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            fromMonth: string;
                            status: "active" | "suspended" | "removed";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollment/employees/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 恢复参保 resume from a month */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: year-month
                         * @description 月份 YYYY-MM
                         */
                        month: string;
                    };
                };
            };
            responses: {
                /** @description 人员参保 an enrollment (employee, flexible worker, resident) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: "employee" | "flexible" | "resident";
                            unitEnrollmentId: string | null;
                            entityId: string | null;
                            personId: string;
                            insuranceType: string;
                            /** @description 行政区划代码 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            fromMonth: string;
                            status: "active" | "suspended" | "removed";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollment/employees/{id}/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 减员 remove from a month */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: year-month
                         * @description 月份 YYYY-MM
                         */
                        month: string;
                    };
                };
            };
            responses: {
                /** @description 人员参保 an enrollment (employee, flexible worker, resident) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: "employee" | "flexible" | "resident";
                            unitEnrollmentId: string | null;
                            entityId: string | null;
                            personId: string;
                            insuranceType: string;
                            /** @description 行政区划代码 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            fromMonth: string;
                            status: "active" | "suspended" | "removed";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollment/employees/{id}/wage-declarations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 缴费基数申报 declare the monthly wage for a year; the base is clamped by the policy in effect */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        year: number;
                        /** @description 月工资，分 (at most 1,000,000.00 yuan) */
                        monthlyWageFen: number;
                    };
                };
            };
            responses: {
                /** @description 缴费基数申报 a wage declaration */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            year: number;
                            /** @description 申报工资 declared monthly wage，分 fen */
                            declaredFen: number;
                            /** @description 缴费基数 the base that applies，分 fen */
                            baseFen: number;
                            /** @description 下限 lower bound，分 fen */
                            lowerFen: number;
                            /** @description 上限 upper bound，分 fen */
                            upperFen: number;
                            /** @description which one applied */
                            applied: "lower" | "upper" | "declared";
                            /** @description the rule code of the bound that applied */
                            ruleCode: string | null;
                            /** Format: date-time */
                            declaredAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollment/persons/{id}/employments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 人员参保记录（本辖区） a person’s enrollments */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                kind: "employee" | "flexible" | "resident";
                                unitEnrollmentId: string | null;
                                entityId: string | null;
                                personId: string;
                                insuranceType: string;
                                /** @description 行政区划代码 6-digit region code */
                                regionCode: string;
                                /** @description 月份 YYYY-MM */
                                fromMonth: string;
                                status: "active" | "suspended" | "removed";
                                /** Format: date-time */
                                updatedAt: string;
                                changes: {
                                    /** @description 月份 YYYY-MM */
                                    month: string;
                                    status: "active" | "suspended" | "removed";
                                }[];
                                wages: {
                                    year: number;
                                    /** @description 申报工资 declared monthly wage，分 fen */
                                    declaredFen: number;
                                    /** @description 缴费基数 the base that applies，分 fen */
                                    baseFen: number;
                                    /** @description 下限 lower bound，分 fen */
                                    lowerFen: number;
                                    /** @description 上限 upper bound，分 fen */
                                    upperFen: number;
                                    /** @description which one applied */
                                    applied: "lower" | "upper" | "declared";
                                    /** @description the rule code of the bound that applied */
                                    ruleCode: string | null;
                                    /** Format: date-time */
                                    declaredAt: string;
                                }[];
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollment/persons/{id}/retirement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 在职转退休 retirement from a date */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date */
                        date: string;
                    };
                };
            };
            responses: {
                /** @description 身份 a dated identity */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description retired / dibao / tekun / severe_disability / poverty_registered */
                            code: string;
                            /** Format: date */
                            startDate: string;
                            /** Format: date */
                            endDate: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollment/persons/{id}/identities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 人员身份（可按月查询） identities, and those held as of a month */
        get: {
            parameters: {
                query?: {
                    /** @description 月份 YYYY-MM */
                    month?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 人员身份 a person’s identities */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @description retired / dibao / tekun / severe_disability / poverty_registered */
                                code: string;
                                /** Format: date */
                                startDate: string;
                                /** Format: date */
                                endDate: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                            /** @description 月份 YYYY-MM */
                            month?: string;
                            /** @description the codes held in the month */
                            asOf?: string[];
                            retired?: boolean;
                            /** @description 在职 / 退休 in the month */
                            workStatus?: "employed" | "retired";
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** 特殊身份 a dated identity (低保 dibao / 特困 tekun / 重残 severe_disability / 建档立卡 poverty_registered) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        code: "dibao" | "tekun" | "severe_disability" | "poverty_registered";
                        /** Format: date */
                        startDate: string;
                        /** Format: date */
                        endDate?: string;
                    };
                };
            };
            responses: {
                /** @description 身份 a dated identity */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description retired / dibao / tekun / severe_disability / poverty_registered */
                            code: string;
                            /** Format: date */
                            startDate: string;
                            /** Format: date */
                            endDate: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollment/persons/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 人员参保变更记录 the person’s change history */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** @description unit_enrolled, person_enrolled, person_suspended, …, application_approved */
                                action: string;
                                entityId: string | null;
                                personId: string | null;
                                detail: {
                                    [key: string]: unknown;
                                };
                                actorId: string;
                                /** Format: date-time */
                                at: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollment/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 个人参保申请（本辖区） persons’ applications to review in your region */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                    status?: "submitted" | "approved" | "rejected" | "withdrawn";
                    kind?: "flexible_enrollment" | "resident_enrollment" | "flexible_suspension" | "unit_enrollment";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                kind: "flexible_enrollment" | "resident_enrollment" | "flexible_suspension" | "unit_enrollment";
                                /** @description null until approval for a first visit (首次申办): the registry did not hold the applicant */
                                personId: string | null;
                                insuranceType: string;
                                /** @description 行政区划代码 6-digit region code */
                                regionCode: string;
                                /** @description 月份 YYYY-MM */
                                fromMonth: string;
                                /** @description 灵活就业人员所选缴费基数 the flexible worker’s chosen base，分 fen */
                                monthlyBaseFen: number | null;
                                /** @description the enrollment suspended, or created on approval (a unit enrollment `uen_…` for unit_enrollment) */
                                employmentId: string | null;
                                reason: string | null;
                                status: "submitted" | "approved" | "rejected" | "withdrawn";
                                review: {
                                    by: string | null;
                                    /** Format: date-time */
                                    at: string;
                                    note: string | null;
                                } | null;
                                /** Format: date-time */
                                submittedAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                /** @description 申请人（脱敏） the applicant, masked */
                                applicant: {
                                    name: string;
                                    idNumber: string;
                                    /** @description 行政区划代码 6-digit region code */
                                    regionCode: string;
                                } | null;
                                /** @description 首次申办携带的人员信息登记 the declared registry record, masked */
                                declared: {
                                    name: string;
                                    idNumber: string;
                                    /** Format: date */
                                    birthDate: string;
                                    sex: "male" | "female";
                                    phone: string | null;
                                    /** @description 行政区划代码 6-digit region code */
                                    regionCode: string;
                                    address: string;
                                } | null;
                                /** @description 单位首次申办携带的单位信息登记 the declared legal entity, its representative masked */
                                declaredEntity: {
                                    creditCode: string;
                                    name: string;
                                    /** @description 单位类型 enterprise / public_institution / … */
                                    type: string;
                                    /** @description 行政区划代码 6-digit region code */
                                    regionCode: string;
                                    address: string;
                                    /** @description 法定代表人（脱敏） */
                                    legalRepresentative: {
                                        name: string;
                                        idNumber: string;
                                    };
                                } | null;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollment/applications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 申请详情 one application */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 申请 an application, with the applicant */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: "flexible_enrollment" | "resident_enrollment" | "flexible_suspension" | "unit_enrollment";
                            /** @description null until approval for a first visit (首次申办): the registry did not hold the applicant */
                            personId: string | null;
                            insuranceType: string;
                            /** @description 行政区划代码 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            fromMonth: string;
                            /** @description 灵活就业人员所选缴费基数 the flexible worker’s chosen base，分 fen */
                            monthlyBaseFen: number | null;
                            /** @description the enrollment suspended, or created on approval (a unit enrollment `uen_…` for unit_enrollment) */
                            employmentId: string | null;
                            reason: string | null;
                            status: "submitted" | "approved" | "rejected" | "withdrawn";
                            review: {
                                by: string | null;
                                /** Format: date-time */
                                at: string;
                                note: string | null;
                            } | null;
                            /** Format: date-time */
                            submittedAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description 申请人（脱敏） the applicant, masked */
                            applicant: {
                                name: string;
                                idNumber: string;
                                /** @description 行政区划代码 6-digit region code */
                                regionCode: string;
                            } | null;
                            /** @description 首次申办携带的人员信息登记 the declared registry record, masked */
                            declared: {
                                name: string;
                                idNumber: string;
                                /** Format: date */
                                birthDate: string;
                                sex: "male" | "female";
                                phone: string | null;
                                /** @description 行政区划代码 6-digit region code */
                                regionCode: string;
                                address: string;
                            } | null;
                            /** @description 单位首次申办携带的单位信息登记 the declared legal entity, its representative masked */
                            declaredEntity: {
                                creditCode: string;
                                name: string;
                                /** @description 单位类型 enterprise / public_institution / … */
                                type: string;
                                /** @description 行政区划代码 6-digit region code */
                                regionCode: string;
                                address: string;
                                /** @description 法定代表人（脱敏） */
                                legalRepresentative: {
                                    name: string;
                                    idNumber: string;
                                };
                            } | null;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollment/applications/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 审核通过：参保（灵活就业按所选基数申报）或暂停缴费，同一事务 approve: the enrollment is created (or suspended) with it
         * @description A first visit (首次申办, `declared` set) also registers the declared person in the registry, in the same transaction: that needs registry.manage too.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description 申请 an application */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: "flexible_enrollment" | "resident_enrollment" | "flexible_suspension" | "unit_enrollment";
                            /** @description null until approval for a first visit (首次申办): the registry did not hold the applicant */
                            personId: string | null;
                            insuranceType: string;
                            /** @description 行政区划代码 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            fromMonth: string;
                            /** @description 灵活就业人员所选缴费基数 the flexible worker’s chosen base，分 fen */
                            monthlyBaseFen: number | null;
                            /** @description the enrollment suspended, or created on approval (a unit enrollment `uen_…` for unit_enrollment) */
                            employmentId: string | null;
                            reason: string | null;
                            status: "submitted" | "approved" | "rejected" | "withdrawn";
                            review: {
                                by: string | null;
                                /** Format: date-time */
                                at: string;
                                note: string | null;
                            } | null;
                            /** Format: date-time */
                            submittedAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollment/applications/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 不予通过（须说明理由） reject, saying why */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note: string;
                    };
                };
            };
            responses: {
                /** @description 申请 an application */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: "flexible_enrollment" | "resident_enrollment" | "flexible_suspension" | "unit_enrollment";
                            /** @description null until approval for a first visit (首次申办): the registry did not hold the applicant */
                            personId: string | null;
                            insuranceType: string;
                            /** @description 行政区划代码 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            fromMonth: string;
                            /** @description 灵活就业人员所选缴费基数 the flexible worker’s chosen base，分 fen */
                            monthlyBaseFen: number | null;
                            /** @description the enrollment suspended, or created on approval (a unit enrollment `uen_…` for unit_enrollment) */
                            employmentId: string | null;
                            reason: string | null;
                            status: "submitted" | "approved" | "rejected" | "withdrawn";
                            review: {
                                by: string | null;
                                /** Format: date-time */
                                at: string;
                                note: string | null;
                            } | null;
                            /** Format: date-time */
                            submittedAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collection/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 核定批次列表（本辖区） receivable runs in your region */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                    /** @description 月份 YYYY-MM */
                    month?: string;
                    status?: "queued" | "running" | "done" | "failed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @description 月份 YYYY-MM */
                                month: string;
                                /** @description 行政区划代码 */
                                regionCode: string | null;
                                insuranceType: string | null;
                                status: "queued" | "running" | "done" | "failed";
                                total: number;
                                processed: number;
                                problems: number;
                                linesWritten: number;
                                linesCancelled: number;
                                totals: {
                                    /** @description 单位 unit，分 fen */
                                    unitFen: number;
                                    /** @description 个人 person，分 fen */
                                    personFen: number;
                                    /** @description 财政 fiscal，分 fen */
                                    fiscalFen: number;
                                };
                                error: {
                                    code: string;
                                    message: string;
                                } | null;
                                createdBy: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                startedAt: string | null;
                                /** Format: date-time */
                                finishedAt: string | null;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * 应收核定：发起核定批次（后台处理，202） compute a month’s receivables in the background
         * @description `regionCode` is the enrollments’ own region (exact, e.g. 411302); without it, every region of your jurisdiction. The same run still queued or running is answered instead of a second one. Follow it at GET /runs/{id}; persons that could not be computed at GET /runs/{id}/problems.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: year-month
                         * @description 月份 YYYY-MM
                         */
                        month: string;
                        /**
                         * Format: region-code
                         * @description 行政区划代码
                         */
                        regionCode?: string;
                        /** @description 险种代码, e.g. 310, 410 */
                        insuranceType?: string;
                    };
                };
            };
            responses: {
                /** @description 核定批次 a receivable run */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description 月份 YYYY-MM */
                            month: string;
                            /** @description 行政区划代码 */
                            regionCode: string | null;
                            insuranceType: string | null;
                            status: "queued" | "running" | "done" | "failed";
                            total: number;
                            processed: number;
                            problems: number;
                            linesWritten: number;
                            linesCancelled: number;
                            totals: {
                                /** @description 单位 unit，分 fen */
                                unitFen: number;
                                /** @description 个人 person，分 fen */
                                personFen: number;
                                /** @description 财政 fiscal，分 fen */
                                fiscalFen: number;
                            };
                            error: {
                                code: string;
                                message: string;
                            } | null;
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            startedAt: string | null;
                            /** Format: date-time */
                            finishedAt: string | null;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collection/runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 核定进度：人数、明细数、按缴费主体合计 run progress and totals */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 核定批次 a receivable run */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description 月份 YYYY-MM */
                            month: string;
                            /** @description 行政区划代码 */
                            regionCode: string | null;
                            insuranceType: string | null;
                            status: "queued" | "running" | "done" | "failed";
                            total: number;
                            processed: number;
                            problems: number;
                            linesWritten: number;
                            linesCancelled: number;
                            totals: {
                                /** @description 单位 unit，分 fen */
                                unitFen: number;
                                /** @description 个人 person，分 fen */
                                personFen: number;
                                /** @description 财政 fiscal，分 fen */
                                fiscalFen: number;
                            };
                            error: {
                                code: string;
                                message: string;
                            } | null;
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            startedAt: string | null;
                            /** Format: date-time */
                            finishedAt: string | null;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collection/runs/{id}/problems": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 无法核定的人员（缺少基数等） enrollments the run could not compute */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                employmentId: string;
                                personId: string;
                                entityId: string | null;
                                insuranceType: string;
                                /** @description 行政区划代码 */
                                regionCode: string;
                                code: string;
                                message: string;
                                params: {
                                    [key: string]: unknown;
                                };
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collection/receivables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 应收明细（本辖区） receivable lines in your region */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                    /** @description 月份 YYYY-MM */
                    month?: string;
                    personId?: string;
                    entityId?: string;
                    /** @description 险种代码, e.g. 310, 410 */
                    insuranceType?: string;
                    status?: "due" | "received" | "cancelled";
                    /** @description 附计算说明 with the bilingual explanation of each line */
                    explain?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** @description 月份 YYYY-MM */
                                month: string;
                                employmentId: string;
                                personId: string;
                                entityId: string | null;
                                enrollmentKind: string;
                                insuranceType: string;
                                /** @description 行政区划代码 */
                                regionCode: string;
                                /** @description 行政区划代码 */
                                poolingRegion: string;
                                ruleCode: string;
                                payer: "unit" | "person" | "fiscal";
                                payerKey: string;
                                fund: "pooled_fund" | "personal_account" | "none";
                                flow: "from" | "to";
                                periodicity: "monthly" | "yearly";
                                baseKind: string;
                                /** @description 缴费基数 base，分 fen */
                                baseFen: number;
                                baseApplied: "lower" | "upper" | "declared";
                                baseRuleCode: string | null;
                                /** @description 费率，百万分之一 rate in parts per million */
                                ratePpm: number;
                                /** @description 分 fen */
                                amountFen: number;
                                ruleVersionId: string;
                                status: "due" | "received" | "cancelled";
                                /** Format: date-time */
                                receivedAt: string | null;
                                explanation?: {
                                    zh: string;
                                    en: string;
                                };
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collection/bills": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 单位缴费单（本辖区） unit bills in your region */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                    /** @description 月份 YYYY-MM */
                    month?: string;
                    entityId?: string;
                    status?: "due" | "partly_paid" | "paid" | "cancelled";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                number: string;
                                entityId: string;
                                /** @description 月份 YYYY-MM */
                                month: string;
                                /** @description 行政区划代码 */
                                regionCode: string;
                                status: "due" | "partly_paid" | "paid" | "cancelled";
                                byPayer: {
                                    /** @description 单位 unit，分 fen */
                                    unitFen: number;
                                    /** @description 个人 person，分 fen */
                                    personFen: number;
                                };
                                /** @description 分 fen */
                                totalFen: number;
                                /** @description 分 fen */
                                receivedFen: number;
                                /** @description 分 fen */
                                outstandingFen: number;
                                byType: {
                                    insuranceType: string;
                                    /** @description 单位 unit，分 fen */
                                    unitFen: number;
                                    /** @description 个人 person，分 fen */
                                    personFen: number;
                                    /** @description 分 fen */
                                    totalFen: number;
                                    /** @description 分 fen */
                                    receivedFen: number;
                                }[];
                                persons: number;
                                lines: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                unitName: string | null;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collection/bills/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 缴费单详情 one bill */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 单位缴费单 a unit bill, with the unit’s name */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            number: string;
                            entityId: string;
                            /** @description 月份 YYYY-MM */
                            month: string;
                            /** @description 行政区划代码 */
                            regionCode: string;
                            status: "due" | "partly_paid" | "paid" | "cancelled";
                            byPayer: {
                                /** @description 单位 unit，分 fen */
                                unitFen: number;
                                /** @description 个人 person，分 fen */
                                personFen: number;
                            };
                            /** @description 分 fen */
                            totalFen: number;
                            /** @description 分 fen */
                            receivedFen: number;
                            /** @description 分 fen */
                            outstandingFen: number;
                            byType: {
                                insuranceType: string;
                                /** @description 单位 unit，分 fen */
                                unitFen: number;
                                /** @description 个人 person，分 fen */
                                personFen: number;
                                /** @description 分 fen */
                                totalFen: number;
                                /** @description 分 fen */
                                receivedFen: number;
                            }[];
                            persons: number;
                            lines: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            unitName: string | null;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collection/bills/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 缴费单 PDF the bill as a PDF */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 缴费单 PDF */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collection/bills/{id}/xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 缴费单 Excel the bill as an XLSX workbook */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 缴费单 Excel */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collection/settings/{regionCode}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * 设置统筹区征收模式 set a pooling region’s collection mode
         * @description tax_full 税务全责 (the tax bureau collects and sends its detail), tax_half 税务半责 (we compute, the tax bureau collects), agency 经办机构自收 (we compute, banks withhold).
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description 行政区划代码 */
                    regionCode: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        mode: "tax_full" | "tax_half" | "agency";
                    };
                };
            };
            responses: {
                /** @description 征收模式 a pooling region’s collection mode */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description 行政区划代码 */
                            regionCode: string;
                            mode: "tax_full" | "tax_half" | "agency";
                            updatedBy: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collection/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 征收模式（本辖区） collection modes in your region */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description 行政区划代码 */
                                regionCode: string;
                                mode: "tax_full" | "tax_half" | "agency";
                                updatedBy: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collection/imports/tax-payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 税务全责：导入税务缴费明细 import the tax bureau’s payment detail (tax_full regions)
         * @description Body: the file itself, `Content-Type: text/csv` (UTF-8, or `; charset=gb18030`) or `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` (first sheet), up to 64 MiB. Header row with 缴费主体代码/payerCode (统一社会信用代码 or 身份证号), 所属期/month (YYYY-MM or YYYYMM), 险种/insuranceType, 金额（分）/amountFen, 税票号码/voucherNo, 缴款日期/paidDate. Rows are committed in batches; a bad row is reported (row, field, reason) and the others are kept. A row already imported (same voucher or serial, same content) changes nothing. All rows at GET /imports/{id}/rows.
         */
        post: {
            parameters: {
                query: {
                    /** @description 行政区划代码 */
                    regionCode: string;
                    fileName?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 导入结果 an imported file with its first row errors */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: "tax_payments" | "tax_results" | "bank_results";
                            /** @description 行政区划代码 */
                            regionCode: string;
                            format: "csv" | "xlsx";
                            fileName: string | null;
                            sha256: string | null;
                            status: "processing" | "done" | "failed";
                            rows: {
                                read: number;
                                created: number;
                                replayed: number;
                                duplicate: number;
                                failed: number;
                                rejected: number;
                            };
                            /** @description 到账合计 created payments，分 fen */
                            amountFen: number;
                            error: {
                                code: string;
                                message: string;
                            } | null;
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            finishedAt: string | null;
                            errors: {
                                /** @description 表格行号 spreadsheet row number */
                                row: number;
                                outcome: "created" | "replayed" | "duplicate" | "failed" | "error";
                                reference: string | null;
                                paymentId: string | null;
                                payerKey: string | null;
                                /** @description 月份 YYYY-MM */
                                month: string | null;
                                insuranceType: string | null;
                                /** @description 分 fen */
                                amountFen: number | null;
                                field: string | null;
                                code: string | null;
                                reason: string | null;
                            }[];
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collection/imports/tax-results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 税务半责：导入税务征收结果 import the tax bureau’s results for exported receivables (tax_half regions)
         * @description Body: the file itself, `Content-Type: text/csv` (UTF-8, or `; charset=gb18030`) or `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` (first sheet), up to 64 MiB. Header row with 参考号/reference (from the export), 缴费状态/status (已缴 paid / 未缴 unpaid), 金额（分）/amountFen, 税票号码/voucherNo and 缴款日期/paidDate when paid. Rows are committed in batches; a bad row is reported (row, field, reason) and the others are kept. A row already imported (same voucher or serial, same content) changes nothing. All rows at GET /imports/{id}/rows.
         */
        post: {
            parameters: {
                query: {
                    /** @description 行政区划代码 */
                    regionCode: string;
                    fileName?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 导入结果 an imported file with its first row errors */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: "tax_payments" | "tax_results" | "bank_results";
                            /** @description 行政区划代码 */
                            regionCode: string;
                            format: "csv" | "xlsx";
                            fileName: string | null;
                            sha256: string | null;
                            status: "processing" | "done" | "failed";
                            rows: {
                                read: number;
                                created: number;
                                replayed: number;
                                duplicate: number;
                                failed: number;
                                rejected: number;
                            };
                            /** @description 到账合计 created payments，分 fen */
                            amountFen: number;
                            error: {
                                code: string;
                                message: string;
                            } | null;
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            finishedAt: string | null;
                            errors: {
                                /** @description 表格行号 spreadsheet row number */
                                row: number;
                                outcome: "created" | "replayed" | "duplicate" | "failed" | "error";
                                reference: string | null;
                                paymentId: string | null;
                                payerKey: string | null;
                                /** @description 月份 YYYY-MM */
                                month: string | null;
                                insuranceType: string | null;
                                /** @description 分 fen */
                                amountFen: number | null;
                                field: string | null;
                                code: string | null;
                                reason: string | null;
                            }[];
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collection/imports/bank-results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 经办机构自收：导入银行代扣结果 import the bank’s withholding results (agency regions)
         * @description Body: the file itself, `Content-Type: text/csv` (UTF-8, or `; charset=gb18030`) or `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet` (first sheet), up to 64 MiB. Header row with 参考号/reference (from the withholding file), 扣款结果/result (成功 success / 失败 failure), 金额（分）/amountFen, 银行流水号/bankSerial and 扣款日期/paidDate on success, 失败原因/reason. Rows are committed in batches; a bad row is reported (row, field, reason) and the others are kept. A row already imported (same voucher or serial, same content) changes nothing. All rows at GET /imports/{id}/rows.
         */
        post: {
            parameters: {
                query: {
                    /** @description 行政区划代码 */
                    regionCode: string;
                    fileName?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 导入结果 an imported file with its first row errors */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: "tax_payments" | "tax_results" | "bank_results";
                            /** @description 行政区划代码 */
                            regionCode: string;
                            format: "csv" | "xlsx";
                            fileName: string | null;
                            sha256: string | null;
                            status: "processing" | "done" | "failed";
                            rows: {
                                read: number;
                                created: number;
                                replayed: number;
                                duplicate: number;
                                failed: number;
                                rejected: number;
                            };
                            /** @description 到账合计 created payments，分 fen */
                            amountFen: number;
                            error: {
                                code: string;
                                message: string;
                            } | null;
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            finishedAt: string | null;
                            errors: {
                                /** @description 表格行号 spreadsheet row number */
                                row: number;
                                outcome: "created" | "replayed" | "duplicate" | "failed" | "error";
                                reference: string | null;
                                paymentId: string | null;
                                payerKey: string | null;
                                /** @description 月份 YYYY-MM */
                                month: string | null;
                                insuranceType: string | null;
                                /** @description 分 fen */
                                amountFen: number | null;
                                field: string | null;
                                code: string | null;
                                reason: string | null;
                            }[];
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collection/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导入文件列表（本辖区） imported files in your region */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                    kind?: "tax_payments" | "tax_results" | "bank_results";
                    /** @description 行政区划代码 */
                    regionCode?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                kind: "tax_payments" | "tax_results" | "bank_results";
                                /** @description 行政区划代码 */
                                regionCode: string;
                                format: "csv" | "xlsx";
                                fileName: string | null;
                                sha256: string | null;
                                status: "processing" | "done" | "failed";
                                rows: {
                                    read: number;
                                    created: number;
                                    replayed: number;
                                    duplicate: number;
                                    failed: number;
                                    rejected: number;
                                };
                                /** @description 到账合计 created payments，分 fen */
                                amountFen: number;
                                error: {
                                    code: string;
                                    message: string;
                                } | null;
                                createdBy: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                finishedAt: string | null;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collection/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 导入文件：各类行数与金额 an imported file and its counts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 导入文件 an imported file */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: "tax_payments" | "tax_results" | "bank_results";
                            /** @description 行政区划代码 */
                            regionCode: string;
                            format: "csv" | "xlsx";
                            fileName: string | null;
                            sha256: string | null;
                            status: "processing" | "done" | "failed";
                            rows: {
                                read: number;
                                created: number;
                                replayed: number;
                                duplicate: number;
                                failed: number;
                                rejected: number;
                            };
                            /** @description 到账合计 created payments，分 fen */
                            amountFen: number;
                            error: {
                                code: string;
                                message: string;
                            } | null;
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            finishedAt: string | null;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collection/imports/{id}/rows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 文件逐行结果（错误含行号、字段、原因） what became of each row; errors name row, field and reason */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                    outcome?: "created" | "replayed" | "duplicate" | "failed" | "error";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description 表格行号 spreadsheet row number */
                                row: number;
                                outcome: "created" | "replayed" | "duplicate" | "failed" | "error";
                                reference: string | null;
                                paymentId: string | null;
                                payerKey: string | null;
                                /** @description 月份 YYYY-MM */
                                month: string | null;
                                insuranceType: string | null;
                                /** @description 分 fen */
                                amountFen: number | null;
                                field: string | null;
                                code: string | null;
                                reason: string | null;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collection/exports/tax-receivables": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 税务半责：导出应收（CSV） the outstanding receivables sent to the tax bureau (tax_half regions)
         * @description One row per payer and insurance type with the reference the tax bureau’s results must quote. A person’s identity number and name are masked unless you may read personal data (user.pii.read).
         */
        get: {
            parameters: {
                query: {
                    /** @description 月份 YYYY-MM */
                    month: string;
                    /** @description 行政区划代码 */
                    regionCode: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description CSV, UTF-8 with a byte-order mark */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collection/exports/bank-withholding": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 经办机构自收：导出银行代扣文件（CSV） the bank withholding file (agency regions)
         * @description One row per payer and insurance type: reference, payer key (no account numbers), amount in fen.
         */
        get: {
            parameters: {
                query: {
                    /** @description 月份 YYYY-MM */
                    month: string;
                    /** @description 行政区划代码 */
                    regionCode: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description CSV, UTF-8 with a byte-order mark */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collection/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 到账记录（本辖区） payments that arrived, in your region */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                    /** @description 月份 YYYY-MM */
                    month?: string;
                    /** @description 行政区划代码 */
                    regionCode?: string;
                    payerKey?: string;
                    status?: "arrived" | "matched" | "short" | "over" | "unmatched";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                source: "tax" | "bank";
                                reference: string;
                                fileId: string;
                                row: number;
                                /** @description 行政区划代码 */
                                poolingRegion: string;
                                payerKey: string;
                                /** @description 月份 YYYY-MM */
                                month: string;
                                insuranceType: string;
                                /** @description 分 fen */
                                amountFen: number;
                                /** Format: date */
                                paidDate: string;
                                status: "arrived" | "matched" | "short" | "over" | "unmatched";
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collection/reconciliations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 对账记录（本辖区） the reconciliations of your region, newest first */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                    /** @description 月份 YYYY-MM */
                    month?: string;
                    /** @description 行政区划代码 */
                    regionCode?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @description 行政区划代码 */
                                regionCode: string;
                                /** @description 月份 YYYY-MM */
                                month: string;
                                pools: number;
                                matched: number;
                                /** @description 分 fen */
                                dueFen: number;
                                /** @description 分 fen */
                                paidFen: number;
                                /** @description 到账 − 应收 paid − due，分 fen */
                                differenceFen: number;
                                counts: {
                                    unpaid: number;
                                    short: number;
                                    over: number;
                                    no_receivable: number;
                                    duplicate: number;
                                };
                                items: {
                                    open: number;
                                    resolved: number;
                                };
                                createdBy: string;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** 对账：应收、到账与文件行逐户比对 reconcile a region’s month: receivables, payments and file rows per payer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: year-month
                         * @description 月份 YYYY-MM
                         */
                        month: string;
                        /**
                         * Format: region-code
                         * @description 行政区划代码
                         */
                        regionCode: string;
                    };
                };
            };
            responses: {
                /** @description 对账 a reconciliation */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description 行政区划代码 */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            month: string;
                            pools: number;
                            matched: number;
                            /** @description 分 fen */
                            dueFen: number;
                            /** @description 分 fen */
                            paidFen: number;
                            /** @description 到账 − 应收 paid − due，分 fen */
                            differenceFen: number;
                            counts: {
                                unpaid: number;
                                short: number;
                                over: number;
                                no_receivable: number;
                                duplicate: number;
                            };
                            items: {
                                open: number;
                                resolved: number;
                            };
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collection/reconciliations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 对账结果汇总 a reconciliation’s summary */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 对账 a reconciliation */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description 行政区划代码 */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            month: string;
                            pools: number;
                            matched: number;
                            /** @description 分 fen */
                            dueFen: number;
                            /** @description 分 fen */
                            paidFen: number;
                            /** @description 到账 − 应收 paid − due，分 fen */
                            differenceFen: number;
                            counts: {
                                unpaid: number;
                                short: number;
                                over: number;
                                no_receivable: number;
                                duplicate: number;
                            };
                            items: {
                                open: number;
                                resolved: number;
                            };
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collection/reconciliations/{id}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 对账差异 the mismatches found */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                    status?: "open" | "resolved";
                    kind?: "unpaid" | "short" | "over" | "no_receivable" | "duplicate";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                reconciliationId: string;
                                kind: "unpaid" | "short" | "over" | "no_receivable" | "duplicate";
                                payerKey: string;
                                /** @description 月份 YYYY-MM */
                                month: string;
                                insuranceType: string;
                                /** @description 分 fen */
                                dueFen: number;
                                /** @description 分 fen */
                                paidFen: number;
                                /** @description 分 fen */
                                differenceFen: number;
                                references: string[];
                                status: "open" | "resolved";
                                resolution: ("chase_payment" | "refund" | "carry_forward" | "write_off" | "confirmed") | (never | null);
                                note: string | null;
                                resolvedBy: string | null;
                                /** Format: date-time */
                                resolvedAt: string | null;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/collection/reconciliation-items/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 处理对账差异（记录处理决定） decide a mismatch; the decision is recorded */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description chase_payment 追缴 / refund 退费 / carry_forward 结转下期 / write_off 核销 / confirmed 确认无误 */
                        resolution: "chase_payment" | "refund" | "carry_forward" | "write_off" | "confirmed";
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description 对账差异 a reconciliation item */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            reconciliationId: string;
                            kind: "unpaid" | "short" | "over" | "no_receivable" | "duplicate";
                            payerKey: string;
                            /** @description 月份 YYYY-MM */
                            month: string;
                            insuranceType: string;
                            /** @description 分 fen */
                            dueFen: number;
                            /** @description 分 fen */
                            paidFen: number;
                            /** @description 分 fen */
                            differenceFen: number;
                            references: string[];
                            status: "open" | "resolved";
                            resolution: ("chase_payment" | "refund" | "carry_forward" | "write_off" | "confirmed") | (never | null);
                            note: string | null;
                            resolvedBy: string | null;
                            /** Format: date-time */
                            resolvedAt: string | null;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/personal/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 个人信息：基本信息（脱敏）、各类参保及状态、身份 my registry record (masked), enrollments of every kind, identities
         * @description `registered: false` when the registry holds no person with the account’s identity number (register at the agency).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 个人信息 my overview */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            registered: boolean;
                            /** @description 基本信息（脱敏） my registry record, masked */
                            person: {
                                id: string;
                                name: string;
                                /** @description 身份证号码 (masked: 4113**********1234) */
                                idNumber: string;
                                /** @description YYYY-MM-DD (masked: YYYY-**-**) */
                                birthDate: string;
                                sex: "male" | "female";
                                phone: string | null;
                                /** @description 行政区划代码 */
                                regionCode: string;
                                /** @description 人员类别 */
                                category: "employee" | "retired" | "flexible" | "unemployed" | "resident" | "student";
                                status: "active" | "cancelled";
                            } | null;
                            enrollments: {
                                id: string;
                                kind: "employee" | "flexible" | "resident";
                                insuranceType: string;
                                /** @description 行政区划代码 6-digit region code */
                                regionCode: string;
                                /** @description 月份 YYYY-MM */
                                fromMonth: string;
                                status: "active" | "suspended" | "removed";
                                unit: {
                                    entityId: string;
                                    name: string | null;
                                } | null;
                            }[];
                            identities: {
                                id: string;
                                /** @description retired / dibao / tekun / severe_disability / poverty_registered */
                                code: string;
                                /** Format: date */
                                startDate: string;
                                /** Format: date */
                                endDate: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/personal/enrollments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 个人参保信息（状态变更、缴费基数；一页全部） my enrollments with status changes and declared bases, all on one page */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                kind: "employee" | "flexible" | "resident";
                                unitEnrollmentId: string | null;
                                entityId: string | null;
                                personId: string;
                                insuranceType: string;
                                /** @description 行政区划代码 6-digit region code */
                                regionCode: string;
                                /** @description 月份 YYYY-MM */
                                fromMonth: string;
                                status: "active" | "suspended" | "removed";
                                /** Format: date-time */
                                updatedAt: string;
                                changes: {
                                    /** @description 月份 YYYY-MM */
                                    month: string;
                                    status: "active" | "suspended" | "removed";
                                }[];
                                wages: {
                                    year: number;
                                    /** @description 申报工资 declared monthly wage，分 fen */
                                    declaredFen: number;
                                    /** @description 缴费基数 the base that applies，分 fen */
                                    baseFen: number;
                                    /** @description 下限 lower bound，分 fen */
                                    lowerFen: number;
                                    /** @description 上限 upper bound，分 fen */
                                    upperFen: number;
                                    /** @description which one applied */
                                    applied: "lower" | "upper" | "declared";
                                    /** @description the rule code of the bound that applied */
                                    ruleCode: string | null;
                                    /** Format: date-time */
                                    declaredAt: string;
                                }[];
                                unitName: string | null;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/personal/enrollments/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 参保变更记录 my enrollment history */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** @description unit_enrolled, person_enrolled, person_suspended, …, application_approved */
                                action: string;
                                entityId: string | null;
                                personId: string | null;
                                detail: {
                                    [key: string]: unknown;
                                };
                                actorId: string;
                                /** Format: date-time */
                                at: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/personal/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的申请 my applications */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                    status?: "submitted" | "approved" | "rejected" | "withdrawn";
                    kind?: "flexible_enrollment" | "resident_enrollment" | "flexible_suspension" | "unit_enrollment";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                kind: "flexible_enrollment" | "resident_enrollment" | "flexible_suspension" | "unit_enrollment";
                                /** @description null until approval for a first visit (首次申办): the registry did not hold the applicant */
                                personId: string | null;
                                insuranceType: string;
                                /** @description 行政区划代码 6-digit region code */
                                regionCode: string;
                                /** @description 月份 YYYY-MM */
                                fromMonth: string;
                                /** @description 灵活就业人员所选缴费基数 the flexible worker’s chosen base，分 fen */
                                monthlyBaseFen: number | null;
                                /** @description the enrollment suspended, or created on approval (a unit enrollment `uen_…` for unit_enrollment) */
                                employmentId: string | null;
                                reason: string | null;
                                status: "submitted" | "approved" | "rejected" | "withdrawn";
                                review: {
                                    by: string | null;
                                    /** Format: date-time */
                                    at: string;
                                    note: string | null;
                                } | null;
                                /** Format: date-time */
                                submittedAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                /** @description 申请人（脱敏） the applicant, masked */
                                applicant: {
                                    name: string;
                                    idNumber: string;
                                    /** @description 行政区划代码 6-digit region code */
                                    regionCode: string;
                                } | null;
                                /** @description 首次申办携带的人员信息登记 the declared registry record, masked */
                                declared: {
                                    name: string;
                                    idNumber: string;
                                    /** Format: date */
                                    birthDate: string;
                                    sex: "male" | "female";
                                    phone: string | null;
                                    /** @description 行政区划代码 6-digit region code */
                                    regionCode: string;
                                    address: string;
                                } | null;
                                /** @description 单位首次申办携带的单位信息登记 the declared legal entity, its representative masked */
                                declaredEntity: {
                                    creditCode: string;
                                    name: string;
                                    /** @description 单位类型 enterprise / public_institution / … */
                                    type: string;
                                    /** @description 行政区划代码 6-digit region code */
                                    regionCode: string;
                                    address: string;
                                    /** @description 法定代表人（脱敏） */
                                    legalRepresentative: {
                                        name: string;
                                        idNumber: string;
                                    };
                                } | null;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * 申请：灵活就业人员参保 / 城乡居民参保 / 灵活就业暂停缴费 apply: flexible-worker or resident enrollment, or suspension of flexible contributions
         * @description flexible_enrollment needs insuranceType, regionCode, fromMonth and monthlyBaseFen (within the base rule’s bounds); resident_enrollment needs insuranceType, regionCode and fromMonth; flexible_suspension needs employmentId (your flexible enrollment), fromMonth and reason. A clerk of the region reviews it. A person the registry does not hold yet makes a first visit (首次申办): flexible or resident enrollment only, regionCode (the household region, one of GET /personal/regions) and address; the application carries the registry record (name and identity number from the verified account, birth date and sex from the identity number, the account’s phone), and approval registers the person.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description flexible_enrollment 灵活就业人员参保 / resident_enrollment 城乡居民参保 / flexible_suspension 灵活就业暂停缴费 */
                        kind: "flexible_enrollment" | "resident_enrollment" | "flexible_suspension";
                        /** @description 险种代码, e.g. 310, 390 */
                        insuranceType?: string;
                        /**
                         * Format: region-code
                         * @description 行政区划代码
                         */
                        regionCode?: string;
                        /**
                         * Format: year-month
                         * @description 月份 YYYY-MM
                         */
                        fromMonth: string;
                        /** @description 所选月缴费基数，分 chosen monthly base in fen */
                        monthlyBaseFen?: number;
                        employmentId?: string;
                        reason?: string;
                        /** @description 首次申办：联系地址 a first visit’s address */
                        address?: string;
                    };
                };
            };
            responses: {
                /** @description 申请 an application */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: "flexible_enrollment" | "resident_enrollment" | "flexible_suspension" | "unit_enrollment";
                            /** @description null until approval for a first visit (首次申办): the registry did not hold the applicant */
                            personId: string | null;
                            insuranceType: string;
                            /** @description 行政区划代码 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            fromMonth: string;
                            /** @description 灵活就业人员所选缴费基数 the flexible worker’s chosen base，分 fen */
                            monthlyBaseFen: number | null;
                            /** @description the enrollment suspended, or created on approval (a unit enrollment `uen_…` for unit_enrollment) */
                            employmentId: string | null;
                            reason: string | null;
                            status: "submitted" | "approved" | "rejected" | "withdrawn";
                            review: {
                                by: string | null;
                                /** Format: date-time */
                                at: string;
                                note: string | null;
                            } | null;
                            /** Format: date-time */
                            submittedAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/personal/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 参保地：可申请的统筹区及其经办机构 the regions one may apply in, each with its agency office */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * Format: region-code
                             * @description 行政区划代码
                             */
                            regionCode: string;
                            name: string;
                        }[];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/personal/applications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 申请详情 one of my applications */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 申请 an application, with the applicant */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: "flexible_enrollment" | "resident_enrollment" | "flexible_suspension" | "unit_enrollment";
                            /** @description null until approval for a first visit (首次申办): the registry did not hold the applicant */
                            personId: string | null;
                            insuranceType: string;
                            /** @description 行政区划代码 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            fromMonth: string;
                            /** @description 灵活就业人员所选缴费基数 the flexible worker’s chosen base，分 fen */
                            monthlyBaseFen: number | null;
                            /** @description the enrollment suspended, or created on approval (a unit enrollment `uen_…` for unit_enrollment) */
                            employmentId: string | null;
                            reason: string | null;
                            status: "submitted" | "approved" | "rejected" | "withdrawn";
                            review: {
                                by: string | null;
                                /** Format: date-time */
                                at: string;
                                note: string | null;
                            } | null;
                            /** Format: date-time */
                            submittedAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description 申请人（脱敏） the applicant, masked */
                            applicant: {
                                name: string;
                                idNumber: string;
                                /** @description 行政区划代码 6-digit region code */
                                regionCode: string;
                            } | null;
                            /** @description 首次申办携带的人员信息登记 the declared registry record, masked */
                            declared: {
                                name: string;
                                idNumber: string;
                                /** Format: date */
                                birthDate: string;
                                sex: "male" | "female";
                                phone: string | null;
                                /** @description 行政区划代码 6-digit region code */
                                regionCode: string;
                                address: string;
                            } | null;
                            /** @description 单位首次申办携带的单位信息登记 the declared legal entity, its representative masked */
                            declaredEntity: {
                                creditCode: string;
                                name: string;
                                /** @description 单位类型 enterprise / public_institution / … */
                                type: string;
                                /** @description 行政区划代码 6-digit region code */
                                regionCode: string;
                                address: string;
                                /** @description 法定代表人（脱敏） */
                                legalRepresentative: {
                                    name: string;
                                    idNumber: string;
                                };
                            } | null;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/personal/applications/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 撤回（审核前） withdraw before review */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 申请 an application */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: "flexible_enrollment" | "resident_enrollment" | "flexible_suspension" | "unit_enrollment";
                            /** @description null until approval for a first visit (首次申办): the registry did not hold the applicant */
                            personId: string | null;
                            insuranceType: string;
                            /** @description 行政区划代码 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            fromMonth: string;
                            /** @description 灵活就业人员所选缴费基数 the flexible worker’s chosen base，分 fen */
                            monthlyBaseFen: number | null;
                            /** @description the enrollment suspended, or created on approval (a unit enrollment `uen_…` for unit_enrollment) */
                            employmentId: string | null;
                            reason: string | null;
                            status: "submitted" | "approved" | "rejected" | "withdrawn";
                            review: {
                                by: string | null;
                                /** Format: date-time */
                                at: string;
                                note: string | null;
                            } | null;
                            /** Format: date-time */
                            submittedAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/personal/account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 个人账户：余额与收支明细 my personal account: balance and entries (of a year) */
        get: {
            parameters: {
                query: {
                    /** @description 年度 calendar year */
                    year?: number;
                    page: number;
                    pageSize: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 个人账户 the personal account */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description 余额 balance，分 fen */
                            balanceFen: number;
                            items: {
                                id: number;
                                kind: "allocation" | "deduction" | "settlement" | "settlement_reversal";
                                /** @description signed 正为划入，分 fen */
                                amountFen: number;
                                /** @description 月份 YYYY-MM */
                                month: string;
                                insuranceType: string | null;
                                sourceRef: string;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/personal/contributions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 缴费记录（含计算说明） my contribution lines, each explained */
        get: {
            parameters: {
                query: {
                    /** @description 年度 calendar year */
                    year?: number;
                    page: number;
                    pageSize: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                /** @description 月份 YYYY-MM */
                                month: string;
                                employmentId: string;
                                personId: string;
                                entityId: string | null;
                                enrollmentKind: string;
                                insuranceType: string;
                                /** @description 行政区划代码 */
                                regionCode: string;
                                /** @description 行政区划代码 */
                                poolingRegion: string;
                                ruleCode: string;
                                payer: "unit" | "person" | "fiscal";
                                payerKey: string;
                                fund: "pooled_fund" | "personal_account" | "none";
                                flow: "from" | "to";
                                periodicity: "monthly" | "yearly";
                                baseKind: string;
                                /** @description 缴费基数 base，分 fen */
                                baseFen: number;
                                baseApplied: "lower" | "upper" | "declared";
                                baseRuleCode: string | null;
                                /** @description 费率，百万分之一 rate in parts per million */
                                ratePpm: number;
                                /** @description 分 fen */
                                amountFen: number;
                                ruleVersionId: string;
                                status: "due" | "received" | "cancelled";
                                /** Format: date-time */
                                receivedAt: string | null;
                                explanation?: {
                                    zh: string;
                                    en: string;
                                };
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/personal/annual-statement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 年度缴费对账单 my statement of a year: months, totals, account movement */
        get: {
            parameters: {
                query: {
                    /** @description 年度 calendar year */
                    year: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 年度缴费对账单 the annual statement */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            year: number;
                            months: {
                                /** @description 月份 YYYY-MM */
                                month: string;
                                /** @description 单位 unit，分 fen */
                                unitFen: number;
                                /** @description 个人 person，分 fen */
                                personFen: number;
                                /** @description 财政 fiscal，分 fen */
                                fiscalFen: number;
                                status: "none" | "due" | "partly_received" | "received";
                            }[];
                            totals: {
                                /** @description 单位 unit，分 fen */
                                unitFen: number;
                                /** @description 个人 person，分 fen */
                                personFen: number;
                                /** @description 财政 fiscal，分 fen */
                                fiscalFen: number;
                                /** @description 分 fen */
                                totalFen: number;
                            };
                            account: {
                                /** @description 分 fen */
                                openingFen: number;
                                /** @description 分 fen */
                                creditsFen: number;
                                /** @description 分 fen */
                                debitsFen: number;
                                /** @description 分 fen */
                                closingFen: number;
                            };
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/personal/benefits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * 待遇享受 benefits received from my personal account
         * @description The personal account’s outflows other than contribution deductions (e.g. account payments for medical bills). Empty until a settlement center books such payments: the platform has none yet.
         */
        get: {
            parameters: {
                query: {
                    /** @description 年度 calendar year */
                    year?: number;
                    page: number;
                    pageSize: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: number;
                                kind: "allocation" | "deduction" | "settlement" | "settlement_reversal";
                                /** @description signed 正为划入，分 fen */
                                amountFen: number;
                                /** @description 月份 YYYY-MM */
                                month: string;
                                insuranceType: string | null;
                                sourceRef: string;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unit/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本单位的首次申办 the unit enrollment applications I made */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                kind: "flexible_enrollment" | "resident_enrollment" | "flexible_suspension" | "unit_enrollment";
                                /** @description null until approval for a first visit (首次申办): the registry did not hold the applicant */
                                personId: string | null;
                                insuranceType: string;
                                /** @description 行政区划代码 6-digit region code */
                                regionCode: string;
                                /** @description 月份 YYYY-MM */
                                fromMonth: string;
                                /** @description 灵活就业人员所选缴费基数 the flexible worker’s chosen base，分 fen */
                                monthlyBaseFen: number | null;
                                /** @description the enrollment suspended, or created on approval (a unit enrollment `uen_…` for unit_enrollment) */
                                employmentId: string | null;
                                reason: string | null;
                                status: "submitted" | "approved" | "rejected" | "withdrawn";
                                review: {
                                    by: string | null;
                                    /** Format: date-time */
                                    at: string;
                                    note: string | null;
                                } | null;
                                /** Format: date-time */
                                submittedAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                                /** @description 申请人（脱敏） the applicant, masked */
                                applicant: {
                                    name: string;
                                    idNumber: string;
                                    /** @description 行政区划代码 6-digit region code */
                                    regionCode: string;
                                } | null;
                                /** @description 首次申办携带的人员信息登记 the declared registry record, masked */
                                declared: {
                                    name: string;
                                    idNumber: string;
                                    /** Format: date */
                                    birthDate: string;
                                    sex: "male" | "female";
                                    phone: string | null;
                                    /** @description 行政区划代码 6-digit region code */
                                    regionCode: string;
                                    address: string;
                                } | null;
                                /** @description 单位首次申办携带的单位信息登记 the declared legal entity, its representative masked */
                                declaredEntity: {
                                    creditCode: string;
                                    name: string;
                                    /** @description 单位类型 enterprise / public_institution / … */
                                    type: string;
                                    /** @description 行政区划代码 6-digit region code */
                                    regionCode: string;
                                    address: string;
                                    /** @description 法定代表人（脱敏） */
                                    legalRepresentative: {
                                        name: string;
                                        idNumber: string;
                                    };
                                } | null;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * 单位首次申办：单位参保登记（携带单位信息登记） a unit the registry does not hold applies for unit enrollment, carrying its legal-entity record
         * @description The unit’s managing agent, real-name verified: the record carries the unit’s name and credit code as registered, the agent as legal representative, and the type, region (one of GET /personal/regions’ agency regions) and address given here. The clerk of the region approves it: the legal entity is registered and the unit enrolled in insuranceType (one that admits employees) from fromMonth.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 单位类型 */
                        type: "enterprise" | "public_institution" | "government" | "social_org" | "individual_business" | "other";
                        /**
                         * Format: region-code
                         * @description 行政区划代码
                         */
                        regionCode: string;
                        address: string;
                        /** @description 险种代码, e.g. 310, 410 */
                        insuranceType: string;
                        /**
                         * Format: year-month
                         * @description 月份 YYYY-MM
                         */
                        fromMonth: string;
                    };
                };
            };
            responses: {
                /** @description 申请 an application */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: "flexible_enrollment" | "resident_enrollment" | "flexible_suspension" | "unit_enrollment";
                            /** @description null until approval for a first visit (首次申办): the registry did not hold the applicant */
                            personId: string | null;
                            insuranceType: string;
                            /** @description 行政区划代码 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            fromMonth: string;
                            /** @description 灵活就业人员所选缴费基数 the flexible worker’s chosen base，分 fen */
                            monthlyBaseFen: number | null;
                            /** @description the enrollment suspended, or created on approval (a unit enrollment `uen_…` for unit_enrollment) */
                            employmentId: string | null;
                            reason: string | null;
                            status: "submitted" | "approved" | "rejected" | "withdrawn";
                            review: {
                                by: string | null;
                                /** Format: date-time */
                                at: string;
                                note: string | null;
                            } | null;
                            /** Format: date-time */
                            submittedAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unit/info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 单位信息：基本信息与单位参保 my unit’s registry record and its enrollments */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 单位信息 my unit */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            unit: {
                                id: string;
                                name: string;
                                /** @description the agent’s role: manager or agent */
                                role: string;
                            };
                            /** @description 单位基本信息 the unit’s registry record */
                            entity: {
                                id: string;
                                /** @description 统一社会信用代码 */
                                creditCode: string;
                                name: string;
                                /** @description 单位类型 */
                                type: "enterprise" | "public_institution" | "government" | "social_org" | "individual_business" | "other";
                                /** @description 行政区划代码 */
                                regionCode: string;
                                /** @description 法定代表人 */
                                legalRepresentative: {
                                    name: string;
                                    idNumber: string | null;
                                };
                                status: "active" | "cancelled";
                                cancellation: {
                                    reason: "death" | "emigration" | "duplicate" | "dissolved" | "other";
                                    /** Format: date */
                                    date: string;
                                    note: string | null;
                                } | null;
                                version: number;
                                /** Format: date-time */
                                updatedAt: string;
                            };
                            enrollments: {
                                id: string;
                                entityId: string;
                                insuranceType: string;
                                /** @description 行政区划代码 6-digit region code */
                                regionCode: string;
                                /** @description 月份 YYYY-MM */
                                fromMonth: string;
                                status: "active" | "ended";
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            editableFields: string[];
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 单位信息变更（名称；留存变更历史；法定代表人变更到经办机构办理） change the unit’s name (history kept by the registry; the legal representative is changed at the agency) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** @description 所读取的版本；不一致时 409 the version read; a different current version is a 409 */
                        version?: number;
                    };
                };
            };
            responses: {
                /** @description 变更后的单位信息 the record after a change */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description 统一社会信用代码 */
                            creditCode: string;
                            name: string;
                            /** @description 单位类型 */
                            type: "enterprise" | "public_institution" | "government" | "social_org" | "individual_business" | "other";
                            /** @description 行政区划代码 */
                            regionCode: string;
                            /** @description 法定代表人 */
                            legalRepresentative: {
                                name: string;
                                idNumber: string | null;
                            };
                            status: "active" | "cancelled";
                            cancellation: {
                                reason: "death" | "emigration" | "duplicate" | "dissolved" | "other";
                                /** Format: date */
                                date: string;
                                note: string | null;
                            } | null;
                            version: number;
                            /** Format: date-time */
                            updatedAt: string;
                            changed: boolean;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/unit/employees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 参保职工 the unit’s employees (every insurance type) */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                    status?: "active" | "suspended" | "removed";
                    /** @description 险种代码, e.g. 310, 410 */
                    insuranceType?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                kind: "employee" | "flexible" | "resident";
                                unitEnrollmentId: string | null;
                                entityId: string | null;
                                personId: string;
                                insuranceType: string;
                                /** @description 行政区划代码 6-digit region code */
                                regionCode: string;
                                /** @description 月份 YYYY-MM */
                                fromMonth: string;
                                status: "active" | "suspended" | "removed";
                                /** Format: date-time */
                                updatedAt: string;
                                person: {
                                    name: string;
                                    idNumber: string;
                                } | null;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** 增员 enrol a registered person in the unit’s insurance type from a month */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: cn-id-number
                         * @description 居民身份证号码 (GB 11643)
                         */
                        idNumber: string;
                        /** @description 险种代码, e.g. 310, 410 */
                        insuranceType: string;
                        /**
                         * Format: year-month
                         * @description 月份 YYYY-MM
                         */
                        fromMonth: string;
                    };
                };
            };
            responses: {
                /** @description 参保职工 an employee */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: "employee" | "flexible" | "resident";
                            unitEnrollmentId: string | null;
                            entityId: string | null;
                            personId: string;
                            insuranceType: string;
                            /** @description 行政区划代码 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            fromMonth: string;
                            status: "active" | "suspended" | "removed";
                            /** Format: date-time */
                            updatedAt: string;
                            person: {
                                name: string;
                                idNumber: string;
                            } | null;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unit/employees/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 职工参保详情 one employee: status changes and declared bases */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 职工参保详情 an employee in detail */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: "employee" | "flexible" | "resident";
                            unitEnrollmentId: string | null;
                            entityId: string | null;
                            personId: string;
                            insuranceType: string;
                            /** @description 行政区划代码 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            fromMonth: string;
                            status: "active" | "suspended" | "removed";
                            /** Format: date-time */
                            updatedAt: string;
                            changes: {
                                /** @description 月份 YYYY-MM */
                                month: string;
                                status: "active" | "suspended" | "removed";
                            }[];
                            wages: {
                                year: number;
                                /** @description 申报工资 declared monthly wage，分 fen */
                                declaredFen: number;
                                /** @description 缴费基数 the base that applies，分 fen */
                                baseFen: number;
                                /** @description 下限 lower bound，分 fen */
                                lowerFen: number;
                                /** @description 上限 upper bound，分 fen */
                                upperFen: number;
                                /** @description which one applied */
                                applied: "lower" | "upper" | "declared";
                                /** @description the rule code of the bound that applied */
                                ruleCode: string | null;
                                /** Format: date-time */
                                declaredAt: string;
                            }[];
                            person: {
                                name: string;
                                idNumber: string;
                            } | null;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unit/employees/{id}/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 减员 remove an employee from a month */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: year-month
                         * @description 月份 YYYY-MM
                         */
                        month: string;
                    };
                };
            };
            responses: {
                /** @description 人员参保 an enrollment (employee, flexible worker, resident) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            kind: "employee" | "flexible" | "resident";
                            unitEnrollmentId: string | null;
                            entityId: string | null;
                            personId: string;
                            insuranceType: string;
                            /** @description 行政区划代码 6-digit region code */
                            regionCode: string;
                            /** @description 月份 YYYY-MM */
                            fromMonth: string;
                            status: "active" | "suspended" | "removed";
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unit/employees/{id}/wage-declarations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 缴费基数申报 declare an employee’s monthly wage for a year; the base is clamped by the policy in effect */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        year: number;
                        /** @description 月工资，分 (at most 1,000,000.00 yuan) */
                        monthlyWageFen: number;
                    };
                };
            };
            responses: {
                /** @description 缴费基数申报 a wage declaration */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            year: number;
                            /** @description 申报工资 declared monthly wage，分 fen */
                            declaredFen: number;
                            /** @description 缴费基数 the base that applies，分 fen */
                            baseFen: number;
                            /** @description 下限 lower bound，分 fen */
                            lowerFen: number;
                            /** @description 上限 upper bound，分 fen */
                            upperFen: number;
                            /** @description which one applied */
                            applied: "lower" | "upper" | "declared";
                            /** @description the rule code of the bound that applied */
                            ruleCode: string | null;
                            /** Format: date-time */
                            declaredAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unit/bills": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 单位缴费单 the unit’s bills (of a year), newest month first */
        get: {
            parameters: {
                query: {
                    year?: number;
                    page: number;
                    pageSize: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                number: string;
                                entityId: string;
                                /** @description 月份 YYYY-MM */
                                month: string;
                                /** @description 行政区划代码 */
                                regionCode: string;
                                status: "due" | "partly_paid" | "paid" | "cancelled";
                                byPayer: {
                                    /** @description 单位 unit，分 fen */
                                    unitFen: number;
                                    /** @description 个人 person，分 fen */
                                    personFen: number;
                                };
                                /** @description 分 fen */
                                totalFen: number;
                                /** @description 分 fen */
                                receivedFen: number;
                                /** @description 分 fen */
                                outstandingFen: number;
                                byType: {
                                    insuranceType: string;
                                    /** @description 单位 unit，分 fen */
                                    unitFen: number;
                                    /** @description 个人 person，分 fen */
                                    personFen: number;
                                    /** @description 分 fen */
                                    totalFen: number;
                                    /** @description 分 fen */
                                    receivedFen: number;
                                }[];
                                persons: number;
                                lines: number;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unit/bills/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 缴费单详情 one of the unit’s bills */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 单位缴费单 a unit bill */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            number: string;
                            entityId: string;
                            /** @description 月份 YYYY-MM */
                            month: string;
                            /** @description 行政区划代码 */
                            regionCode: string;
                            status: "due" | "partly_paid" | "paid" | "cancelled";
                            byPayer: {
                                /** @description 单位 unit，分 fen */
                                unitFen: number;
                                /** @description 个人 person，分 fen */
                                personFen: number;
                            };
                            /** @description 分 fen */
                            totalFen: number;
                            /** @description 分 fen */
                            receivedFen: number;
                            /** @description 分 fen */
                            outstandingFen: number;
                            byType: {
                                insuranceType: string;
                                /** @description 单位 unit，分 fen */
                                unitFen: number;
                                /** @description 个人 person，分 fen */
                                personFen: number;
                                /** @description 分 fen */
                                totalFen: number;
                                /** @description 分 fen */
                                receivedFen: number;
                            }[];
                            persons: number;
                            lines: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unit/bills/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 缴费单 PDF the bill as PDF */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description application/pdf */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unit/bills/{id}/xlsx": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 缴费单 Excel the bill as an XLSX workbook */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description application/vnd.openxmlformats-officedocument.spreadsheetml.sheet */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bill/public-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 票据签名公钥 the SM2 public key that verifies bill signatures */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            algorithm: string;
                            userId: string;
                            /** @description uncompressed point, hex */
                            publicKey: string;
                            publicKeyPem: string;
                            /** @description how the signed text is built */
                            signedText: string;
                            signatureEncoding: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bill/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 票据查验（公开，限频） verify a bill: genuine, voided (冲红), used for reimbursement, or not found */
        get: {
            parameters: {
                query: {
                    /** @description 票据代码 */
                    billCode: string;
                    /** @description 票据号码 */
                    billNumber: string;
                    /** @description 校验码 */
                    checkCode: string;
                    /** @description 开票日期 YYYY-MM-DD (Beijing time) */
                    issueDate: string;
                    /** @description 合计，分 (negative on a red-letter bill) */
                    totalFen?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description genuine 真实 / voided 已冲红 / used 已报销 / not_found 查无此票 */
                            result: "genuine" | "voided" | "used" | "not_found";
                            bill: {
                                kind: "normal" | "red";
                                billCode: string;
                                billNumber: string;
                                /** Format: date */
                                issueDate: string;
                                institution: {
                                    code: string;
                                    name: string;
                                };
                                payerName: string;
                                visitType: "outpatient" | "inpatient" | "pharmacy";
                                /** @description 合计，分 fen */
                                totalFen: number;
                                /** @description 医保统筹基金支付，分 fen */
                                fundPayFen: number;
                                /** @description 个人账户支付，分 fen */
                                accountPayFen: number;
                                /** @description 个人现金支付，分 fen */
                                cashPayFen: number;
                                /** @description issued 已开具 / voided 已冲红 */
                                status: "issued" | "voided";
                                /** Format: date-time */
                                voidedAt: string | null;
                                /** Format: date-time */
                                usedAt: string | null;
                                redBill: {
                                    billCode: string;
                                    billNumber: string;
                                } | null;
                                originalBill: {
                                    billCode: string;
                                    billNumber: string;
                                } | null;
                            } | null;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bill/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的电子票据 my e-bills, newest first */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @description normal 蓝字 / red 红字（冲红） */
                                kind: "normal" | "red";
                                billCode: string;
                                billNumber: string;
                                checkCode: string;
                                /** Format: date-time */
                                issuedAt: string;
                                /** Format: date */
                                issueDate: string;
                                institution: {
                                    code: string;
                                    name: string;
                                };
                                personId: string;
                                /** @description masked */
                                payerName: string;
                                /** @description 医保编号, masked */
                                insuranceId: string;
                                visitType: "outpatient" | "inpatient" | "pharmacy";
                                settlementRef: string;
                                items: {
                                    name: string;
                                    /** @description 分 fen */
                                    amountFen: number;
                                }[];
                                /** @description 合计，分 fen */
                                totalFen: number;
                                /** @description 医保统筹基金支付，分 fen */
                                fundPayFen: number;
                                /** @description 个人账户支付，分 fen */
                                accountPayFen: number;
                                /** @description 个人现金支付，分 fen */
                                cashPayFen: number;
                                /** @description issued 已开具 / voided 已冲红 */
                                status: "issued" | "voided";
                                /** Format: date-time */
                                voidedAt: string | null;
                                /** Format: date-time */
                                usedAt: string | null;
                                redBill: {
                                    id: string;
                                    billCode: string;
                                    billNumber: string;
                                } | null;
                                originalBill: {
                                    id: string;
                                    billCode: string;
                                    billNumber: string;
                                } | null;
                                /** @description SM2 (DER, hex) over signedText */
                                signature: string;
                                /** @description the exact text the signature covers */
                                signedText: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bill/mine/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的电子票据详情 one of my e-bills */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description normal 蓝字 / red 红字（冲红） */
                            kind: "normal" | "red";
                            billCode: string;
                            billNumber: string;
                            checkCode: string;
                            /** Format: date-time */
                            issuedAt: string;
                            /** Format: date */
                            issueDate: string;
                            institution: {
                                code: string;
                                name: string;
                            };
                            personId: string;
                            /** @description masked */
                            payerName: string;
                            /** @description 医保编号, masked */
                            insuranceId: string;
                            visitType: "outpatient" | "inpatient" | "pharmacy";
                            settlementRef: string;
                            items: {
                                name: string;
                                /** @description 分 fen */
                                amountFen: number;
                            }[];
                            /** @description 合计，分 fen */
                            totalFen: number;
                            /** @description 医保统筹基金支付，分 fen */
                            fundPayFen: number;
                            /** @description 个人账户支付，分 fen */
                            accountPayFen: number;
                            /** @description 个人现金支付，分 fen */
                            cashPayFen: number;
                            /** @description issued 已开具 / voided 已冲红 */
                            status: "issued" | "voided";
                            /** Format: date-time */
                            voidedAt: string | null;
                            /** Format: date-time */
                            usedAt: string | null;
                            redBill: {
                                id: string;
                                billCode: string;
                                billNumber: string;
                            } | null;
                            originalBill: {
                                id: string;
                                billCode: string;
                                billNumber: string;
                            } | null;
                            /** @description SM2 (DER, hex) over signedText */
                            signature: string;
                            /** @description the exact text the signature covers */
                            signedText: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bill/mine/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 下载电子票据 PDF download one of my e-bills */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 电子票据版式文件 PDF */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bill/channel/bills": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 开具电子票据（绑定机构的渠道应用，签名请求，幂等） the bound institution issues the e-bill of its settlement or paid order, checked against it to the fen; one bill per settlement (signed request; idempotent on the request and Idempotency-Key) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description 幂等键 Idempotency-Key: a replay returns the first answer */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        payer: {
                            personId: string;
                            /** @description 交款人姓名（全名或脱敏） full or masked name */
                            name: string;
                        };
                        /** @description 开票单位: the institution the channel app is bound to */
                        institution: {
                            /** @description 定点医药机构编码 H (medical) or P (pharmacy) + 6-digit region + 5 digits */
                            code: string;
                            /** @description 开票单位名称: ignored, the bill prints the name the registry of designated institutions holds */
                            name?: string;
                        };
                        /** @description 就诊类型 */
                        visitType: "outpatient" | "inpatient" | "pharmacy";
                        /** @description 医保编号 */
                        insuranceId: string;
                        /** @description 开票依据: the platform settlement (stl_…), the institution’s settlement reference (结算流水号), or the payment order (pay_…, paid) */
                        settlementRef: string;
                        items: {
                            name: string;
                            /** @description 金额，分 fen */
                            amountFen: number;
                        }[];
                        /** @description 合计 = the settlement’s medfee_sumamt，分 fen */
                        totalFen: number;
                        /** @description 医保统筹基金支付 = the settlement’s fund_pay_sumamt，分 fen */
                        fundPayFen: number;
                        /** @description 个人账户支付 = the settlement’s acct_pay，分 fen */
                        accountPayFen: number;
                        /** @description 个人现金支付 = the settlement’s psn_cash_pay，分 fen */
                        cashPayFen: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description normal 蓝字 / red 红字（冲红） */
                            kind: "normal" | "red";
                            billCode: string;
                            billNumber: string;
                            checkCode: string;
                            /** Format: date-time */
                            issuedAt: string;
                            /** Format: date */
                            issueDate: string;
                            institution: {
                                code: string;
                                name: string;
                            };
                            personId: string;
                            /** @description masked */
                            payerName: string;
                            /** @description 医保编号, masked */
                            insuranceId: string;
                            visitType: "outpatient" | "inpatient" | "pharmacy";
                            settlementRef: string;
                            items: {
                                name: string;
                                /** @description 分 fen */
                                amountFen: number;
                            }[];
                            /** @description 合计，分 fen */
                            totalFen: number;
                            /** @description 医保统筹基金支付，分 fen */
                            fundPayFen: number;
                            /** @description 个人账户支付，分 fen */
                            accountPayFen: number;
                            /** @description 个人现金支付，分 fen */
                            cashPayFen: number;
                            /** @description issued 已开具 / voided 已冲红 */
                            status: "issued" | "voided";
                            /** Format: date-time */
                            voidedAt: string | null;
                            /** Format: date-time */
                            usedAt: string | null;
                            redBill: {
                                id: string;
                                billCode: string;
                                billNumber: string;
                            } | null;
                            originalBill: {
                                id: string;
                                billCode: string;
                                billNumber: string;
                            } | null;
                            /** @description SM2 (DER, hex) over signedText */
                            signature: string;
                            /** @description the exact text the signature covers */
                            signedText: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bill/channel/bills/{id}/void": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 冲红（开票医院） the issuing institution voids a bill; a red-letter bill is issued */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 冲红原因 */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            original: {
                                id: string;
                                /** @description normal 蓝字 / red 红字（冲红） */
                                kind: "normal" | "red";
                                billCode: string;
                                billNumber: string;
                                checkCode: string;
                                /** Format: date-time */
                                issuedAt: string;
                                /** Format: date */
                                issueDate: string;
                                institution: {
                                    code: string;
                                    name: string;
                                };
                                personId: string;
                                /** @description masked */
                                payerName: string;
                                /** @description 医保编号, masked */
                                insuranceId: string;
                                visitType: "outpatient" | "inpatient" | "pharmacy";
                                settlementRef: string;
                                items: {
                                    name: string;
                                    /** @description 分 fen */
                                    amountFen: number;
                                }[];
                                /** @description 合计，分 fen */
                                totalFen: number;
                                /** @description 医保统筹基金支付，分 fen */
                                fundPayFen: number;
                                /** @description 个人账户支付，分 fen */
                                accountPayFen: number;
                                /** @description 个人现金支付，分 fen */
                                cashPayFen: number;
                                /** @description issued 已开具 / voided 已冲红 */
                                status: "issued" | "voided";
                                /** Format: date-time */
                                voidedAt: string | null;
                                /** Format: date-time */
                                usedAt: string | null;
                                redBill: {
                                    id: string;
                                    billCode: string;
                                    billNumber: string;
                                } | null;
                                originalBill: {
                                    id: string;
                                    billCode: string;
                                    billNumber: string;
                                } | null;
                                /** @description SM2 (DER, hex) over signedText */
                                signature: string;
                                /** @description the exact text the signature covers */
                                signedText: string;
                            };
                            red: {
                                id: string;
                                /** @description normal 蓝字 / red 红字（冲红） */
                                kind: "normal" | "red";
                                billCode: string;
                                billNumber: string;
                                checkCode: string;
                                /** Format: date-time */
                                issuedAt: string;
                                /** Format: date */
                                issueDate: string;
                                institution: {
                                    code: string;
                                    name: string;
                                };
                                personId: string;
                                /** @description masked */
                                payerName: string;
                                /** @description 医保编号, masked */
                                insuranceId: string;
                                visitType: "outpatient" | "inpatient" | "pharmacy";
                                settlementRef: string;
                                items: {
                                    name: string;
                                    /** @description 分 fen */
                                    amountFen: number;
                                }[];
                                /** @description 合计，分 fen */
                                totalFen: number;
                                /** @description 医保统筹基金支付，分 fen */
                                fundPayFen: number;
                                /** @description 个人账户支付，分 fen */
                                accountPayFen: number;
                                /** @description 个人现金支付，分 fen */
                                cashPayFen: number;
                                /** @description issued 已开具 / voided 已冲红 */
                                status: "issued" | "voided";
                                /** Format: date-time */
                                voidedAt: string | null;
                                /** Format: date-time */
                                usedAt: string | null;
                                redBill: {
                                    id: string;
                                    billCode: string;
                                    billNumber: string;
                                } | null;
                                originalBill: {
                                    id: string;
                                    billCode: string;
                                    billNumber: string;
                                } | null;
                                /** @description SM2 (DER, hex) over signedText */
                                signature: string;
                                /** @description the exact text the signature covers */
                                signedText: string;
                            };
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bill/channel/used": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 标记已报销 an institution or insurer marks a bill used for reimbursement */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 票据代码 */
                        billCode: string;
                        /** @description 票据号码 */
                        billNumber: string;
                        /** @description 校验码 */
                        checkCode: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            kind: "normal" | "red";
                            billCode: string;
                            billNumber: string;
                            /** Format: date */
                            issueDate: string;
                            institution: {
                                code: string;
                                name: string;
                            };
                            payerName: string;
                            visitType: "outpatient" | "inpatient" | "pharmacy";
                            /** @description 合计，分 fen */
                            totalFen: number;
                            /** @description 医保统筹基金支付，分 fen */
                            fundPayFen: number;
                            /** @description 个人账户支付，分 fen */
                            accountPayFen: number;
                            /** @description 个人现金支付，分 fen */
                            cashPayFen: number;
                            /** @description issued 已开具 / voided 已冲红 */
                            status: "issued" | "voided";
                            /** Format: date-time */
                            voidedAt: string | null;
                            /** Format: date-time */
                            usedAt: string | null;
                            redBill: {
                                billCode: string;
                                billNumber: string;
                            } | null;
                            originalBill: {
                                billCode: string;
                                billNumber: string;
                            } | null;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bill/channel/persons/{personId}/bills": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 渠道查询参保人票据 a channel lists a person’s bills (those it issued; all of them once the person authorized it) */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                };
                header?: never;
                path: {
                    personId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @description normal 蓝字 / red 红字（冲红） */
                                kind: "normal" | "red";
                                billCode: string;
                                billNumber: string;
                                checkCode: string;
                                /** Format: date-time */
                                issuedAt: string;
                                /** Format: date */
                                issueDate: string;
                                institution: {
                                    code: string;
                                    name: string;
                                };
                                personId: string;
                                /** @description masked */
                                payerName: string;
                                /** @description 医保编号, masked */
                                insuranceId: string;
                                visitType: "outpatient" | "inpatient" | "pharmacy";
                                settlementRef: string;
                                items: {
                                    name: string;
                                    /** @description 分 fen */
                                    amountFen: number;
                                }[];
                                /** @description 合计，分 fen */
                                totalFen: number;
                                /** @description 医保统筹基金支付，分 fen */
                                fundPayFen: number;
                                /** @description 个人账户支付，分 fen */
                                accountPayFen: number;
                                /** @description 个人现金支付，分 fen */
                                cashPayFen: number;
                                /** @description issued 已开具 / voided 已冲红 */
                                status: "issued" | "voided";
                                /** Format: date-time */
                                voidedAt: string | null;
                                /** Format: date-time */
                                usedAt: string | null;
                                redBill: {
                                    id: string;
                                    billCode: string;
                                    billNumber: string;
                                } | null;
                                originalBill: {
                                    id: string;
                                    billCode: string;
                                    billNumber: string;
                                } | null;
                                /** @description SM2 (DER, hex) over signedText */
                                signature: string;
                                /** @description the exact text the signature covers */
                                signedText: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bill/channel/bills/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 渠道查询票据 a channel reads one bill it may see */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description normal 蓝字 / red 红字（冲红） */
                            kind: "normal" | "red";
                            billCode: string;
                            billNumber: string;
                            checkCode: string;
                            /** Format: date-time */
                            issuedAt: string;
                            /** Format: date */
                            issueDate: string;
                            institution: {
                                code: string;
                                name: string;
                            };
                            personId: string;
                            /** @description masked */
                            payerName: string;
                            /** @description 医保编号, masked */
                            insuranceId: string;
                            visitType: "outpatient" | "inpatient" | "pharmacy";
                            settlementRef: string;
                            items: {
                                name: string;
                                /** @description 分 fen */
                                amountFen: number;
                            }[];
                            /** @description 合计，分 fen */
                            totalFen: number;
                            /** @description 医保统筹基金支付，分 fen */
                            fundPayFen: number;
                            /** @description 个人账户支付，分 fen */
                            accountPayFen: number;
                            /** @description 个人现金支付，分 fen */
                            cashPayFen: number;
                            /** @description issued 已开具 / voided 已冲红 */
                            status: "issued" | "voided";
                            /** Format: date-time */
                            voidedAt: string | null;
                            /** Format: date-time */
                            usedAt: string | null;
                            redBill: {
                                id: string;
                                billCode: string;
                                billNumber: string;
                            } | null;
                            originalBill: {
                                id: string;
                                billCode: string;
                                billNumber: string;
                            } | null;
                            /** @description SM2 (DER, hex) over signedText */
                            signature: string;
                            /** @description the exact text the signature covers */
                            signedText: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bill/channel/bills/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 渠道下载票据 PDF a channel downloads one bill it may see */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 电子票据版式文件 PDF */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/voucher/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本人电子凭证 own e-voucher (masked) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 医保电子凭证 an e-voucher */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            status: "inactive" | "active";
                            personId: string;
                            /** @description 脱敏姓名 masked name */
                            name: string;
                            /** @description 行政区划代码 */
                            regionCode: string;
                            /** @description 在保险种 insurance types in force */
                            insuranceTypes: string[];
                            /** Format: date-time */
                            activatedAt: string | null;
                            /** @description 密码错误次数过多，暂时锁定 locked after too many wrong passwords */
                            passwordLocked: boolean;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/voucher/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 激活电子凭证（实人认证 L3 + 6 位密码） activate: liveness-verified session and a 6-digit password */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 6 位数字电子凭证密码 */
                        password: string;
                    };
                };
            };
            responses: {
                /** @description 医保电子凭证 an e-voucher */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            status: "inactive" | "active";
                            personId: string;
                            /** @description 脱敏姓名 masked name */
                            name: string;
                            /** @description 行政区划代码 */
                            regionCode: string;
                            /** @description 在保险种 insurance types in force */
                            insuranceTypes: string[];
                            /** Format: date-time */
                            activatedAt: string | null;
                            /** @description 密码错误次数过多，暂时锁定 locked after too many wrong passwords */
                            passwordLocked: boolean;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/voucher/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 修改电子凭证密码 change the voucher password */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 6 位数字电子凭证密码 */
                        oldPassword: string;
                        /** @description 6 位数字电子凭证密码 */
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/voucher/password/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 重置电子凭证密码（需新近实人认证） reset after a fresh liveness check */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 6 位数字电子凭证密码 */
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/voucher/channels/available": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 可授权渠道（本地区及全国） channel apps you may authorize: your region’s institutions and apps, and national ones */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appId: string;
                            /** @description 渠道名称 channel name */
                            name: string;
                            /** @description English channel name; null shows `name` */
                            nameEn: string | null;
                            kind: "hospital" | "pharmacy" | "app";
                            /** @description 所属定点医药机构 the designated institution it acts for */
                            institution: {
                                code: string;
                                name: string;
                            } | null;
                            /** @description 已授权 the person authorized it already */
                            authorized: boolean;
                        }[];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/voucher/authorizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 已授权渠道 channels authorized */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                appId: string;
                                /** @description 渠道名称 channel name */
                                name: string | null;
                                /** @description English channel name; null shows `name` */
                                nameEn: string | null;
                                /** Format: date-time */
                                authorizedAt: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** 授权渠道使用电子凭证 authorize a channel app among those offered (GET /voucher/channels/available); another is a 422 naming appId */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        appId: string;
                    };
                };
            };
            responses: {
                /** @description 渠道授权 a channel authorization */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appId: string;
                            /** @description 渠道名称 channel name */
                            name: string | null;
                            /** @description English channel name; null shows `name` */
                            nameEn: string | null;
                            /** Format: date-time */
                            authorizedAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/voucher/authorizations/{appId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 取消渠道授权 revoke a channel authorization */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/voucher/channel/authorization": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 渠道查询授权状态（签名请求） a channel asks whether a person authorized it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: cn-id-number
                         * @description 居民身份证号码 (GB 11643)
                         */
                        idNumber: string;
                    };
                };
            };
            responses: {
                /** @description 授权状态 whether the person authorized the calling channel */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            authorized: boolean;
                            /** Format: date-time */
                            authorizedAt: string | null;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/voucher/channel/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 登记扫码终端（签名请求） register a scanning device */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 终端编号 */
                        deviceId: string;
                    };
                };
            };
            responses: {
                /** @description 扫码终端 a scanning device */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appId: string;
                            deviceId: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/voucher/codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 生成动态二维码（本人或家庭成员） generate a dynamic code for an authorized channel, own or a family member’s */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        channelAppId: string;
                        memberId?: string;
                    };
                };
            };
            responses: {
                /** @description 动态二维码 a dynamic code */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description YBV1.<id>.<MAC> */
                            code: string;
                            codeId: string;
                            /** Format: date-time */
                            expiresAt: string;
                            ttlSec: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/voucher/codes/{codeId}/qr": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 二维码图片（SVG，按需绘制） the QR image of one of your codes, by its codeId */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    codeId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 二维码 SVG */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "image/svg+xml": string;
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/voucher/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 机构在线核验二维码（签名请求，一码一次） an institution verifies a code once: the insurance identity (凭证类型 01) and, for an app bound to an institution, the settlement token (结算授权令牌) its settlement needs */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 电子凭证动态码 YBV1.<id>.<MAC> */
                        code: string;
                        /** @description 终端编号 */
                        deviceId?: string;
                    };
                };
            };
            responses: {
                /** @description 核验结果 the insurance identity behind a verified code, and the consent to settle */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description 就诊凭证类型 credential type (01 e-voucher) */
                            credentialType: string;
                            personId: string;
                            /** @description 脱敏姓名 masked name */
                            name: string;
                            /** @description 行政区划代码 */
                            regionCode: string;
                            /** @description 在保险种 insurance types in force */
                            insuranceTypes: string[];
                            codeId: string;
                            /** Format: date-time */
                            verifiedAt: string;
                            /** @description 结算授权令牌 the person’s consent to settle one visit at the calling app’s institution: send it as `settlementToken` to pre-settle and settle (one settlement per token); null when the app is bound to no institution */
                            settlementToken: string | null;
                            /** Format: date-time */
                            settlementTokenExpiresAt: string | null;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/voucher/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 上传证明材料（户口簿页等） upload an evidence file, e.g. the household-register page binding a child
         * @description Body: the file itself, `Content-Type: image/jpeg`, `image/png` or `application/pdf`, up to 5 MB; the first bytes must be of that type (422 naming `body`). The answer's id is the `evidenceRef` of POST /voucher/family/children.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 证明材料 an evidence file */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the `evidenceRef` of a child’s binding */
                            id: string;
                            contentType: "image/jpeg" | "image/png" | "application/pdf";
                            sizeBytes: number;
                            /** @description hex SHA-256 of the content */
                            sha256: string;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/voucher/evidence/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 证明材料文件（上传人本人或本辖区经办人员） an evidence file, for its uploader or a clerk of their region (registry.read) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description JPEG, PNG or PDF */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/voucher/family": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 家庭成员 family members */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description the family link, `memberId` when generating a code */
                                id: string;
                                kind: "child" | "adult";
                                /** @description 脱敏姓名 masked name */
                                name: string | null;
                                /** @description 在保险种 insurance types in force */
                                insuranceTypes: string[];
                                /** @description 户口簿 the household-register evidence of a child (GET /voucher/evidence/{id}) */
                                evidenceId: string | null;
                                /** Format: date-time */
                                addedAt: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/voucher/family/children": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 添加未满16周岁子女（监护人，凭户口簿） add a child under 16 on household-register evidence */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: cn-id-number
                         * @description 居民身份证号码 (GB 11643)
                         */
                        idNumber: string;
                        name: string;
                        /** @description 户口簿 the id of the household-register page you uploaded (POST /voucher/evidence) */
                        evidenceRef: string;
                    };
                };
            };
            responses: {
                /** @description 家庭成员 a family member */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the family link, `memberId` when generating a code */
                            id: string;
                            kind: "child" | "adult";
                            /** @description 脱敏姓名 masked name */
                            name: string | null;
                            /** @description 在保险种 insurance types in force */
                            insuranceTypes: string[];
                            /** @description 户口簿 the household-register evidence of a child (GET /voucher/evidence/{id}) */
                            evidenceId: string | null;
                            /** Format: date-time */
                            addedAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/voucher/family/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 待我同意的邀请 invitations waiting for your consent */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @description 脱敏姓名 masked name */
                                holderName: string | null;
                                /** Format: date-time */
                                expiresAt: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** 邀请成年家庭成员（须本人实人认证同意） invite an adult member; they consent at L3 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: cn-id-number
                         * @description 居民身份证号码 (GB 11643)
                         */
                        idNumber: string;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description 家庭成员邀请 an invitation sent */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "pending";
                            /** Format: date-time */
                            expiresAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/voucher/family/invitations/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 同意成为家庭成员（L3） consent to become a family member */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 家庭成员 a family member */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description the family link, `memberId` when generating a code */
                            id: string;
                            kind: "child" | "adult";
                            /** @description 脱敏姓名 masked name */
                            name: string | null;
                            /** @description 在保险种 insurance types in force */
                            insuranceTypes: string[];
                            /** @description 户口簿 the household-register evidence of a child (GET /voucher/evidence/{id}) */
                            evidenceId: string | null;
                            /** Format: date-time */
                            addedAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/voucher/family/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** 移除家庭成员 remove a family member */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/voucher/login-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 扫码登录：生成登录二维码 scan-to-login: a login QR for the web page */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 扫码登录二维码 a login QR */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            code: string;
                            pollToken: string;
                            /** Format: date-time */
                            expiresAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/voucher/login-sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 扫码登录：轮询（确认后首次轮询返回令牌） poll with the session’s poll token in X-Poll-Token; tokens on the first poll after confirmation */
        get: {
            parameters: {
                query?: never;
                header: {
                    /** @description 创建登录二维码时返回的 pollToken */
                    "x-poll-token": string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 扫码登录状态 the login QR’s state */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: "pending" | "confirmed";
                            tokens?: {
                                accessToken: string;
                                refreshToken: string;
                                /** @enum {string} */
                                tokenType: "Bearer";
                                /** @description seconds */
                                expiresIn: number;
                            };
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/voucher/login-sessions/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 扫码登录：凭证持有人确认 the voucher holder confirms */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 已确认 confirmed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            confirmed: true;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/voucher/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 本人用码记录 own generations, verifications and logins */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                action: "generate" | "verify" | "login";
                                result: "ok" | "refused";
                                reason: string | null;
                                appId: string | null;
                                channelName: string | null;
                                /** @description 为家庭成员 for a family member’s voucher */
                                forMember: boolean;
                                deviceId: string | null;
                                /** Format: date-time */
                                at: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/voucher/risk-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 凭证风险事件（本辖区） risk flags in your region */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                    rule?: "too_many_codes" | "code_reused" | "unauthorized_channel" | "unregistered_device" | "forged_code";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @description 风控规则 too_many_codes / code_reused / unauthorized_channel / unregistered_device / forged_code */
                                rule: string;
                                voucherId: string | null;
                                /** @description 行政区划代码 */
                                regionCode: string | null;
                                appId: string | null;
                                codeId: string | null;
                                deviceId: string | null;
                                detail: {
                                    [key: string]: unknown;
                                };
                                /** Format: date-time */
                                at: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settlement/pre-settlements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 预结算 pre-settlement: the figures a settlement would give now, each with its rule; writes nothing (institution bound to the app, signed request, the settlement token of the person’s verified code) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 结算授权令牌 the settlement token the code’s verification (POST /voucher/verify) gave this app: the person’s consent, one settlement per token */
                        settlementToken: string;
                        /** @description 参保人 registry id (psn_…): optional, must be the settlement token’s person */
                        personId?: string;
                        /** @description 险种代码, e.g. 310 */
                        insuranceType: string;
                        /** @description 定点医药机构编码: optional, must be the institution the calling app is bound to (H/P + 6-digit region + 5 digits) */
                        institutionCode?: string;
                        visit: {
                            /** @description 就诊类型 outpatient 门诊 / inpatient 住院 */
                            kind: "outpatient" | "inpatient";
                            /** @description 医院等级 0–3 as the institution claims it: ignored, the registry’s level applies */
                            institutionLevel?: 0 | 1 | 2 | 3;
                            /**
                             * Format: date
                             * @description 就诊（出院）日期 YYYY-MM-DD
                             */
                            date: string;
                        };
                        /** @description 费用明细 */
                        lines: {
                            /** @description 医保目录编码 (X… 23, Z… 20, C… 20, 15-digit service item) */
                            code: string;
                            /** @description 甲类 A / 乙类 B / 丙类 C as the institution claims it: the catalog’s class applies */
                            class?: "A" | "B" | "C";
                            /** @description 数量 */
                            quantity: number;
                            /** @description 金额，分 */
                            amountFen: number;
                            /** @description 乙类先行自付比例，万分之几, as the institution claims it: the pooling region’s (or the catalog’s) applies */
                            selfPayRatioBp?: number;
                            /** @description 限价（每单位），分, as the institution claims it: the catalog’s applies */
                            priceCapFen?: number;
                        }[];
                        /** @description 结算流水号 (unique per institution) */
                        settlementReference?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            personId: string;
                            insuranceType: string;
                            institutionCode: string;
                            visit: {
                                /** @description 就诊类型 outpatient 门诊 / inpatient 住院 */
                                kind: "outpatient" | "inpatient";
                                /** @description 医院等级 of the registry: 0 未定级, 1 一级, 2 二级, 3 三级 */
                                institutionLevel: 0 | 1 | 2 | 3;
                                /**
                                 * Format: date
                                 * @description 就诊（出院）日期 YYYY-MM-DD
                                 */
                                date: string;
                            };
                            /** @description 人员类别 employee / retired / … */
                            personCategory: string;
                            /** @description 统筹区 whose policy applied */
                            poolingRegion: string;
                            policyVersionId: string;
                            result: {
                                /** @description 医疗费总额，分 fen */
                                medfee_sumamt: number;
                                /** @description 全自费金额，分 fen */
                                fulamt_ownpay_amt: number;
                                /** @description 超限价自费，分 fen */
                                overlmt_selfpay: number;
                                /** @description 先行自付金额，分 fen */
                                preselfpay_amt: number;
                                /** @description 符合范围金额，分 fen */
                                inscp_scp_amt: number;
                                /** @description 实际支付起付线，分 fen */
                                act_pay_dedc: number;
                                /** @description 基本医疗保险统筹基金支出，分 fen */
                                hifp_pay: number;
                                /** @description 统筹区间自付，分 fen */
                                pool_prop_selfpay: number;
                                /** @description 基金支付总额，分 fen */
                                fund_pay_sumamt: number;
                                /** @description 个人负担总金额，分 fen */
                                psn_part_amt: number;
                                /** @description 个人账户支出，分 fen */
                                acct_pay: number;
                                /** @description 个人现金支出，分 fen */
                                psn_cash_pay: number;
                                /** @description 余额 (personal account after this settlement)，分 fen */
                                balc: number;
                                lines: {
                                    code: string;
                                    class: ("A" | "B" | "C") | (never | null);
                                    /** @description 金额，分 fen */
                                    amountFen: number;
                                    /** @description 全自费，分 fen */
                                    ownPayFen: number;
                                    /** @description 超限价，分 fen */
                                    overCapFen: number;
                                    /** @description 先行自付，分 fen */
                                    preSelfPayFen: number;
                                    /** @description 符合范围，分 fen */
                                    inScopeFen: number;
                                }[];
                                yearToDateAfter: {
                                    /** @description 本年已负担起付线，分 fen */
                                    deductibleFen: number;
                                    /** @description 本年统筹已支付，分 fen */
                                    fundPaidFen: number;
                                };
                                why: {
                                    medfee_sumamt?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    fulamt_ownpay_amt?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    overlmt_selfpay?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    preselfpay_amt?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    inscp_scp_amt?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    act_pay_dedc?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    hifp_pay?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    pool_prop_selfpay?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    fund_pay_sumamt?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    psn_part_amt?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    acct_pay?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    psn_cash_pay?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    balc?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                };
                            };
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settlement/settlements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 结算 settle a visit: funds, personal account and cash, year-to-date accumulations (institution bound to the app, signed request, the settlement token of the person’s verified code: one settlement per token; Idempotency-Key) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description 幂等键 Idempotency-Key: a replay returns the first answer */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 结算授权令牌 the settlement token the code’s verification (POST /voucher/verify) gave this app: the person’s consent, one settlement per token */
                        settlementToken: string;
                        /** @description 参保人 registry id (psn_…): optional, must be the settlement token’s person */
                        personId?: string;
                        /** @description 险种代码, e.g. 310 */
                        insuranceType: string;
                        /** @description 定点医药机构编码: optional, must be the institution the calling app is bound to (H/P + 6-digit region + 5 digits) */
                        institutionCode?: string;
                        visit: {
                            /** @description 就诊类型 outpatient 门诊 / inpatient 住院 */
                            kind: "outpatient" | "inpatient";
                            /** @description 医院等级 0–3 as the institution claims it: ignored, the registry’s level applies */
                            institutionLevel?: 0 | 1 | 2 | 3;
                            /**
                             * Format: date
                             * @description 就诊（出院）日期 YYYY-MM-DD
                             */
                            date: string;
                        };
                        /** @description 费用明细 */
                        lines: {
                            /** @description 医保目录编码 (X… 23, Z… 20, C… 20, 15-digit service item) */
                            code: string;
                            /** @description 甲类 A / 乙类 B / 丙类 C as the institution claims it: the catalog’s class applies */
                            class?: "A" | "B" | "C";
                            /** @description 数量 */
                            quantity: number;
                            /** @description 金额，分 */
                            amountFen: number;
                            /** @description 乙类先行自付比例，万分之几, as the institution claims it: the pooling region’s (or the catalog’s) applies */
                            selfPayRatioBp?: number;
                            /** @description 限价（每单位），分, as the institution claims it: the catalog’s applies */
                            priceCapFen?: number;
                        }[];
                        /** @description 结算流水号 (unique per institution) */
                        settlementReference: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description settled 已结算 / reversed 已冲正 */
                            status: "settled" | "reversed";
                            personId: string;
                            insuranceType: string;
                            poolingRegion: string;
                            institutionCode: string;
                            settlementReference: string;
                            visit: {
                                /** @description 就诊类型 outpatient 门诊 / inpatient 住院 */
                                kind: "outpatient" | "inpatient";
                                /** @description 医院等级 of the registry: 0 未定级, 1 一级, 2 二级, 3 三级 */
                                institutionLevel: 0 | 1 | 2 | 3;
                                /**
                                 * Format: date
                                 * @description 就诊（出院）日期 YYYY-MM-DD
                                 */
                                date: string;
                            };
                            personCategory: string;
                            policyVersionId: string;
                            /** @description 结算明细 the lines as settled (the catalog’s class, share and cap) */
                            lines: {
                                /** @description 医保目录编码 */
                                code: string;
                                class: ("A" | "B" | "C") | (never | null);
                                /** @description 数量 */
                                quantity: number;
                                /** @description 金额，分 fen */
                                amountFen: number;
                                /** @description 乙类先行自付比例 applied，万分之几 (class B) */
                                selfPayRatioBp?: number;
                                /** @description 限价（每单位）of the catalog，分; null: none */
                                priceCapFen?: number | null;
                                /** @description whose share: item 统筹区单品比例 / region 统筹区比例 / catalog 目录比例 */
                                ratioFrom?: "item" | "region" | "catalog";
                                /** @description the version of the code’s catalog in force on the visit date; null: 目录外 */
                                catalogVersion?: number | null;
                            }[];
                            result: {
                                /** @description 医疗费总额，分 fen */
                                medfee_sumamt: number;
                                /** @description 全自费金额，分 fen */
                                fulamt_ownpay_amt: number;
                                /** @description 超限价自费，分 fen */
                                overlmt_selfpay: number;
                                /** @description 先行自付金额，分 fen */
                                preselfpay_amt: number;
                                /** @description 符合范围金额，分 fen */
                                inscp_scp_amt: number;
                                /** @description 实际支付起付线，分 fen */
                                act_pay_dedc: number;
                                /** @description 基本医疗保险统筹基金支出，分 fen */
                                hifp_pay: number;
                                /** @description 统筹区间自付，分 fen */
                                pool_prop_selfpay: number;
                                /** @description 基金支付总额，分 fen */
                                fund_pay_sumamt: number;
                                /** @description 个人负担总金额，分 fen */
                                psn_part_amt: number;
                                /** @description 个人账户支出，分 fen */
                                acct_pay: number;
                                /** @description 个人现金支出，分 fen */
                                psn_cash_pay: number;
                                /** @description 余额 (personal account after this settlement)，分 fen */
                                balc: number;
                                lines: {
                                    code: string;
                                    class: ("A" | "B" | "C") | (never | null);
                                    /** @description 金额，分 fen */
                                    amountFen: number;
                                    /** @description 全自费，分 fen */
                                    ownPayFen: number;
                                    /** @description 超限价，分 fen */
                                    overCapFen: number;
                                    /** @description 先行自付，分 fen */
                                    preSelfPayFen: number;
                                    /** @description 符合范围，分 fen */
                                    inScopeFen: number;
                                }[];
                                yearToDateAfter: {
                                    /** @description 本年已负担起付线，分 fen */
                                    deductibleFen: number;
                                    /** @description 本年统筹已支付，分 fen */
                                    fundPaidFen: number;
                                };
                                why: {
                                    medfee_sumamt?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    fulamt_ownpay_amt?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    overlmt_selfpay?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    preselfpay_amt?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    inscp_scp_amt?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    act_pay_dedc?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    hifp_pay?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    pool_prop_selfpay?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    fund_pay_sumamt?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    psn_part_amt?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    acct_pay?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    psn_cash_pay?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    balc?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                };
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            reversedAt: string | null;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settlement/settlements/{id}/reversal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 冲正 reverse a settlement once: accumulations and the personal-account payment given back (the settling institution; Idempotency-Key) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description 幂等键 Idempotency-Key: a replay returns the first answer */
                    "idempotency-key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 冲正原因 */
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description settled 已结算 / reversed 已冲正 */
                            status: "settled" | "reversed";
                            personId: string;
                            insuranceType: string;
                            poolingRegion: string;
                            institutionCode: string;
                            settlementReference: string;
                            visit: {
                                /** @description 就诊类型 outpatient 门诊 / inpatient 住院 */
                                kind: "outpatient" | "inpatient";
                                /** @description 医院等级 of the registry: 0 未定级, 1 一级, 2 二级, 3 三级 */
                                institutionLevel: 0 | 1 | 2 | 3;
                                /**
                                 * Format: date
                                 * @description 就诊（出院）日期 YYYY-MM-DD
                                 */
                                date: string;
                            };
                            personCategory: string;
                            policyVersionId: string;
                            /** @description 结算明细 the lines as settled (the catalog’s class, share and cap) */
                            lines: {
                                /** @description 医保目录编码 */
                                code: string;
                                class: ("A" | "B" | "C") | (never | null);
                                /** @description 数量 */
                                quantity: number;
                                /** @description 金额，分 fen */
                                amountFen: number;
                                /** @description 乙类先行自付比例 applied，万分之几 (class B) */
                                selfPayRatioBp?: number;
                                /** @description 限价（每单位）of the catalog，分; null: none */
                                priceCapFen?: number | null;
                                /** @description whose share: item 统筹区单品比例 / region 统筹区比例 / catalog 目录比例 */
                                ratioFrom?: "item" | "region" | "catalog";
                                /** @description the version of the code’s catalog in force on the visit date; null: 目录外 */
                                catalogVersion?: number | null;
                            }[];
                            result: {
                                /** @description 医疗费总额，分 fen */
                                medfee_sumamt: number;
                                /** @description 全自费金额，分 fen */
                                fulamt_ownpay_amt: number;
                                /** @description 超限价自费，分 fen */
                                overlmt_selfpay: number;
                                /** @description 先行自付金额，分 fen */
                                preselfpay_amt: number;
                                /** @description 符合范围金额，分 fen */
                                inscp_scp_amt: number;
                                /** @description 实际支付起付线，分 fen */
                                act_pay_dedc: number;
                                /** @description 基本医疗保险统筹基金支出，分 fen */
                                hifp_pay: number;
                                /** @description 统筹区间自付，分 fen */
                                pool_prop_selfpay: number;
                                /** @description 基金支付总额，分 fen */
                                fund_pay_sumamt: number;
                                /** @description 个人负担总金额，分 fen */
                                psn_part_amt: number;
                                /** @description 个人账户支出，分 fen */
                                acct_pay: number;
                                /** @description 个人现金支出，分 fen */
                                psn_cash_pay: number;
                                /** @description 余额 (personal account after this settlement)，分 fen */
                                balc: number;
                                lines: {
                                    code: string;
                                    class: ("A" | "B" | "C") | (never | null);
                                    /** @description 金额，分 fen */
                                    amountFen: number;
                                    /** @description 全自费，分 fen */
                                    ownPayFen: number;
                                    /** @description 超限价，分 fen */
                                    overCapFen: number;
                                    /** @description 先行自付，分 fen */
                                    preSelfPayFen: number;
                                    /** @description 符合范围，分 fen */
                                    inScopeFen: number;
                                }[];
                                yearToDateAfter: {
                                    /** @description 本年已负担起付线，分 fen */
                                    deductibleFen: number;
                                    /** @description 本年统筹已支付，分 fen */
                                    fundPaidFen: number;
                                };
                                why: {
                                    medfee_sumamt?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    fulamt_ownpay_amt?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    overlmt_selfpay?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    preselfpay_amt?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    inscp_scp_amt?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    act_pay_dedc?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    hifp_pay?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    pool_prop_selfpay?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    fund_pay_sumamt?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    psn_part_amt?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    acct_pay?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    psn_cash_pay?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                    balc?: {
                                        rule: string;
                                        zh: string;
                                        en: string;
                                    };
                                };
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            reversedAt: string | null;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settlement/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的结算记录 the person’s own settlements, each figure with the rule that produced it */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                    year?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @description settled 已结算 / reversed 已冲正 */
                                status: "settled" | "reversed";
                                personId: string;
                                insuranceType: string;
                                poolingRegion: string;
                                institutionCode: string;
                                settlementReference: string;
                                visit: {
                                    /** @description 就诊类型 outpatient 门诊 / inpatient 住院 */
                                    kind: "outpatient" | "inpatient";
                                    /** @description 医院等级 of the registry: 0 未定级, 1 一级, 2 二级, 3 三级 */
                                    institutionLevel: 0 | 1 | 2 | 3;
                                    /**
                                     * Format: date
                                     * @description 就诊（出院）日期 YYYY-MM-DD
                                     */
                                    date: string;
                                };
                                personCategory: string;
                                policyVersionId: string;
                                /** @description 结算明细 the lines as settled (the catalog’s class, share and cap) */
                                lines: {
                                    /** @description 医保目录编码 */
                                    code: string;
                                    class: ("A" | "B" | "C") | (never | null);
                                    /** @description 数量 */
                                    quantity: number;
                                    /** @description 金额，分 fen */
                                    amountFen: number;
                                    /** @description 乙类先行自付比例 applied，万分之几 (class B) */
                                    selfPayRatioBp?: number;
                                    /** @description 限价（每单位）of the catalog，分; null: none */
                                    priceCapFen?: number | null;
                                    /** @description whose share: item 统筹区单品比例 / region 统筹区比例 / catalog 目录比例 */
                                    ratioFrom?: "item" | "region" | "catalog";
                                    /** @description the version of the code’s catalog in force on the visit date; null: 目录外 */
                                    catalogVersion?: number | null;
                                }[];
                                result: {
                                    /** @description 医疗费总额，分 fen */
                                    medfee_sumamt: number;
                                    /** @description 全自费金额，分 fen */
                                    fulamt_ownpay_amt: number;
                                    /** @description 超限价自费，分 fen */
                                    overlmt_selfpay: number;
                                    /** @description 先行自付金额，分 fen */
                                    preselfpay_amt: number;
                                    /** @description 符合范围金额，分 fen */
                                    inscp_scp_amt: number;
                                    /** @description 实际支付起付线，分 fen */
                                    act_pay_dedc: number;
                                    /** @description 基本医疗保险统筹基金支出，分 fen */
                                    hifp_pay: number;
                                    /** @description 统筹区间自付，分 fen */
                                    pool_prop_selfpay: number;
                                    /** @description 基金支付总额，分 fen */
                                    fund_pay_sumamt: number;
                                    /** @description 个人负担总金额，分 fen */
                                    psn_part_amt: number;
                                    /** @description 个人账户支出，分 fen */
                                    acct_pay: number;
                                    /** @description 个人现金支出，分 fen */
                                    psn_cash_pay: number;
                                    /** @description 余额 (personal account after this settlement)，分 fen */
                                    balc: number;
                                    lines: {
                                        code: string;
                                        class: ("A" | "B" | "C") | (never | null);
                                        /** @description 金额，分 fen */
                                        amountFen: number;
                                        /** @description 全自费，分 fen */
                                        ownPayFen: number;
                                        /** @description 超限价，分 fen */
                                        overCapFen: number;
                                        /** @description 先行自付，分 fen */
                                        preSelfPayFen: number;
                                        /** @description 符合范围，分 fen */
                                        inScopeFen: number;
                                    }[];
                                    yearToDateAfter: {
                                        /** @description 本年已负担起付线，分 fen */
                                        deductibleFen: number;
                                        /** @description 本年统筹已支付，分 fen */
                                        fundPaidFen: number;
                                    };
                                    why: {
                                        medfee_sumamt?: {
                                            rule: string;
                                            zh: string;
                                            en: string;
                                        };
                                        fulamt_ownpay_amt?: {
                                            rule: string;
                                            zh: string;
                                            en: string;
                                        };
                                        overlmt_selfpay?: {
                                            rule: string;
                                            zh: string;
                                            en: string;
                                        };
                                        preselfpay_amt?: {
                                            rule: string;
                                            zh: string;
                                            en: string;
                                        };
                                        inscp_scp_amt?: {
                                            rule: string;
                                            zh: string;
                                            en: string;
                                        };
                                        act_pay_dedc?: {
                                            rule: string;
                                            zh: string;
                                            en: string;
                                        };
                                        hifp_pay?: {
                                            rule: string;
                                            zh: string;
                                            en: string;
                                        };
                                        pool_prop_selfpay?: {
                                            rule: string;
                                            zh: string;
                                            en: string;
                                        };
                                        fund_pay_sumamt?: {
                                            rule: string;
                                            zh: string;
                                            en: string;
                                        };
                                        psn_part_amt?: {
                                            rule: string;
                                            zh: string;
                                            en: string;
                                        };
                                        acct_pay?: {
                                            rule: string;
                                            zh: string;
                                            en: string;
                                        };
                                        psn_cash_pay?: {
                                            rule: string;
                                            zh: string;
                                            en: string;
                                        };
                                        balc?: {
                                            rule: string;
                                            zh: string;
                                            en: string;
                                        };
                                    };
                                };
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                reversedAt: string | null;
                                /** @description 定点医药机构名称 (null: not in the registry) */
                                institutionName: string | null;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settlement/risk-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 结算风险事件（本辖区统筹区） claims of settlements in your pooling regions that the catalog and policy contradicted, newest first */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                    /** @description 风险规则 */
                    rule?: "class_mismatch" | "self_pay_ratio_mismatch" | "price_cap_mismatch" | "not_in_catalog";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @description 风险规则 class_mismatch 类别不符 / self_pay_ratio_mismatch 自付比例不符 / price_cap_mismatch 限价不符 / not_in_catalog 目录外项目按目录内申报 */
                                rule: "class_mismatch" | "self_pay_ratio_mismatch" | "price_cap_mismatch" | "not_in_catalog";
                                settlementId: string | null;
                                /** @description 渠道应用 the institution’s system */
                                appId: string;
                                institutionCode: string;
                                /** @description 机构名称 the registry’s name of the institution */
                                institutionName: string | null;
                                personId: string;
                                /** @description 统筹区 */
                                poolingRegion: string;
                                /** @description 医保目录编码 of the line */
                                lineCode: string | null;
                                /** @description the line, what was claimed, what applied, the catalog version and the visit date */
                                detail: {
                                    [key: string]: unknown;
                                };
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payment/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 机构订单 the institution’s orders, newest first */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                    /** @description 订单状态 */
                    status?: "created" | "settling" | "paying" | "paid" | "compensating" | "failed" | "closed" | "refunded";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @description 订单号 the institution’s own reference */
                                orderReference: string;
                                /** @description 订单状态 */
                                status: "created" | "settling" | "paying" | "paid" | "compensating" | "failed" | "closed" | "refunded";
                                settlementType: "ALL" | "CASH" | "HI";
                                /** @description 支付渠道 wechat 微信支付 / alipay 支付宝 / unionpay 银联 */
                                payChannel: "wechat" | "alipay" | "unionpay";
                                personId: string;
                                insuranceType: string;
                                institutionCode: string;
                                visit: {
                                    /** @description 就诊类型 outpatient 门诊 / inpatient 住院 */
                                    kind: "outpatient" | "inpatient";
                                    /** @description 医院等级 of the registry: 0 未定级, 1 一级, 2 二级, 3 三级 */
                                    institutionLevel: 0 | 1 | 2 | 3;
                                    /**
                                     * Format: date
                                     * @description 就诊（出院）日期 YYYY-MM-DD
                                     */
                                    date: string;
                                };
                                lines: {
                                    /** @description 医保目录编码 (X… 23, Z… 20, C… 20, 15-digit service item) */
                                    code: string;
                                    /** @description 甲类 A / 乙类 B / 丙类 C as the institution claims it: the catalog’s class applies */
                                    class?: "A" | "B" | "C";
                                    /** @description 数量 */
                                    quantity: number;
                                    /** @description 金额，分 */
                                    amountFen: number;
                                    /** @description 乙类先行自付比例，万分之几, as the institution claims it: the pooling region’s (or the catalog’s) applies */
                                    selfPayRatioBp?: number;
                                    /** @description 限价（每单位），分 */
                                    priceCapFen?: number | null;
                                }[];
                                /** @description 总额，分 fen */
                                totalFen: number;
                                /** @description 统筹基金，分 fen */
                                fundFen: number;
                                /** @description 个人账户，分 fen */
                                accountFen: number;
                                /** @description 现金，分 fen */
                                cashFen: number;
                                /** @description 已退，分 fen */
                                refundedFen: number;
                                settlementId: string | null;
                                prepayId: string | null;
                                /** @description 渠道交易号 */
                                transactionId: string | null;
                                /** @description why the order failed or closed (an error code) */
                                failureCode: string | null;
                                /** Format: date-time */
                                expiresAt: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                paidAt: string | null;
                                /** Format: date-time */
                                endedAt: string | null;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** 下单 create a hybrid payment order from a scanned e-voucher code and the fee lines; pre-settled, nothing moves yet (institution, signed; Idempotency-Key required) */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description 幂等键 Idempotency-Key (required): a replay returns the first answer */
                    "idempotency-key": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 电子凭证动态码 the QR code the institution scanned (verified and used up here) */
                        code: string;
                        /** @description 扫码设备 */
                        deviceId?: string;
                        /** @description 险种代码, e.g. 310 */
                        insuranceType: string;
                        /** @description 定点医药机构编码: optional, must be the institution the calling app is bound to (H/P + 6-digit region + 5 digits) */
                        institutionCode?: string;
                        visit: {
                            /** @description 就诊类型 outpatient 门诊 / inpatient 住院 */
                            kind: "outpatient" | "inpatient";
                            /** @description 医院等级 0–3 as the institution claims it: ignored, the registry’s level applies */
                            institutionLevel?: 0 | 1 | 2 | 3;
                            /**
                             * Format: date
                             * @description 就诊（出院）日期 YYYY-MM-DD
                             */
                            date: string;
                        };
                        /** @description 费用明细 */
                        lines: {
                            /** @description 医保目录编码 (X… 23, Z… 20, C… 20, 15-digit service item) */
                            code: string;
                            /** @description 甲类 A / 乙类 B / 丙类 C as the institution claims it: the catalog’s class applies */
                            class?: "A" | "B" | "C";
                            /** @description 数量 */
                            quantity: number;
                            /** @description 金额，分 */
                            amountFen: number;
                            /** @description 乙类先行自付比例，万分之几, as the institution claims it: the pooling region’s (or the catalog’s) applies */
                            selfPayRatioBp?: number;
                            /** @description 限价（每单位），分, as the institution claims it: the catalog’s applies */
                            priceCapFen?: number;
                        }[];
                        /** @description 结算类型 ALL 医保+现金 / CASH 全现金 / HI 仅医保 */
                        settlementType: "ALL" | "CASH" | "HI";
                        /** @description 订单号 (unique per institution) */
                        orderReference: string;
                        /** @description 支付渠道 wechat 微信支付 / alipay 支付宝 / unionpay 银联 */
                        payChannel?: "wechat" | "alipay" | "unionpay";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description 订单号 the institution’s own reference */
                            orderReference: string;
                            /** @description 订单状态 */
                            status: "created" | "settling" | "paying" | "paid" | "compensating" | "failed" | "closed" | "refunded";
                            settlementType: "ALL" | "CASH" | "HI";
                            /** @description 支付渠道 wechat 微信支付 / alipay 支付宝 / unionpay 银联 */
                            payChannel: "wechat" | "alipay" | "unionpay";
                            personId: string;
                            insuranceType: string;
                            institutionCode: string;
                            visit: {
                                /** @description 就诊类型 outpatient 门诊 / inpatient 住院 */
                                kind: "outpatient" | "inpatient";
                                /** @description 医院等级 of the registry: 0 未定级, 1 一级, 2 二级, 3 三级 */
                                institutionLevel: 0 | 1 | 2 | 3;
                                /**
                                 * Format: date
                                 * @description 就诊（出院）日期 YYYY-MM-DD
                                 */
                                date: string;
                            };
                            lines: {
                                /** @description 医保目录编码 (X… 23, Z… 20, C… 20, 15-digit service item) */
                                code: string;
                                /** @description 甲类 A / 乙类 B / 丙类 C as the institution claims it: the catalog’s class applies */
                                class?: "A" | "B" | "C";
                                /** @description 数量 */
                                quantity: number;
                                /** @description 金额，分 */
                                amountFen: number;
                                /** @description 乙类先行自付比例，万分之几, as the institution claims it: the pooling region’s (or the catalog’s) applies */
                                selfPayRatioBp?: number;
                                /** @description 限价（每单位），分 */
                                priceCapFen?: number | null;
                            }[];
                            /** @description 总额，分 fen */
                            totalFen: number;
                            /** @description 统筹基金，分 fen */
                            fundFen: number;
                            /** @description 个人账户，分 fen */
                            accountFen: number;
                            /** @description 现金，分 fen */
                            cashFen: number;
                            /** @description 已退，分 fen */
                            refundedFen: number;
                            settlementId: string | null;
                            prepayId: string | null;
                            /** @description 渠道交易号 */
                            transactionId: string | null;
                            /** @description why the order failed or closed (an error code) */
                            failureCode: string | null;
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            paidAt: string | null;
                            /** Format: date-time */
                            endedAt: string | null;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payment/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 订单详情 one of the institution’s orders, with its refunds */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description 订单号 the institution’s own reference */
                            orderReference: string;
                            /** @description 订单状态 */
                            status: "created" | "settling" | "paying" | "paid" | "compensating" | "failed" | "closed" | "refunded";
                            settlementType: "ALL" | "CASH" | "HI";
                            /** @description 支付渠道 wechat 微信支付 / alipay 支付宝 / unionpay 银联 */
                            payChannel: "wechat" | "alipay" | "unionpay";
                            personId: string;
                            insuranceType: string;
                            institutionCode: string;
                            visit: {
                                /** @description 就诊类型 outpatient 门诊 / inpatient 住院 */
                                kind: "outpatient" | "inpatient";
                                /** @description 医院等级 of the registry: 0 未定级, 1 一级, 2 二级, 3 三级 */
                                institutionLevel: 0 | 1 | 2 | 3;
                                /**
                                 * Format: date
                                 * @description 就诊（出院）日期 YYYY-MM-DD
                                 */
                                date: string;
                            };
                            lines: {
                                /** @description 医保目录编码 (X… 23, Z… 20, C… 20, 15-digit service item) */
                                code: string;
                                /** @description 甲类 A / 乙类 B / 丙类 C as the institution claims it: the catalog’s class applies */
                                class?: "A" | "B" | "C";
                                /** @description 数量 */
                                quantity: number;
                                /** @description 金额，分 */
                                amountFen: number;
                                /** @description 乙类先行自付比例，万分之几, as the institution claims it: the pooling region’s (or the catalog’s) applies */
                                selfPayRatioBp?: number;
                                /** @description 限价（每单位），分 */
                                priceCapFen?: number | null;
                            }[];
                            /** @description 总额，分 fen */
                            totalFen: number;
                            /** @description 统筹基金，分 fen */
                            fundFen: number;
                            /** @description 个人账户，分 fen */
                            accountFen: number;
                            /** @description 现金，分 fen */
                            cashFen: number;
                            /** @description 已退，分 fen */
                            refundedFen: number;
                            settlementId: string | null;
                            prepayId: string | null;
                            /** @description 渠道交易号 */
                            transactionId: string | null;
                            /** @description why the order failed or closed (an error code) */
                            failureCode: string | null;
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            paidAt: string | null;
                            /** Format: date-time */
                            endedAt: string | null;
                            refunds: {
                                id: string;
                                orderId: string;
                                /** @description 退款金额，分 fen */
                                amountFen: number;
                                /** @description 退回现金，分 fen */
                                cashFen: number;
                                /** @description 随冲正退回的统筹和个人账户，分 fen */
                                settlementFen: number;
                                reason: string;
                                /** @description 渠道退款号, null until the channel accepted it */
                                channelRefundId: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            }[];
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payment/orders/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 确认支付 the person confirms with the voucher password: fund and account settled, the cash part asked of the payment channel (Idempotency-Key required) */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description 幂等键 Idempotency-Key (required): a replay returns the first answer */
                    "idempotency-key": string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 电子凭证密码 */
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description 订单号 the institution’s own reference */
                            orderReference: string;
                            /** @description 订单状态 */
                            status: "created" | "settling" | "paying" | "paid" | "compensating" | "failed" | "closed" | "refunded";
                            settlementType: "ALL" | "CASH" | "HI";
                            /** @description 支付渠道 wechat 微信支付 / alipay 支付宝 / unionpay 银联 */
                            payChannel: "wechat" | "alipay" | "unionpay";
                            personId: string;
                            insuranceType: string;
                            institutionCode: string;
                            visit: {
                                /** @description 就诊类型 outpatient 门诊 / inpatient 住院 */
                                kind: "outpatient" | "inpatient";
                                /** @description 医院等级 of the registry: 0 未定级, 1 一级, 2 二级, 3 三级 */
                                institutionLevel: 0 | 1 | 2 | 3;
                                /**
                                 * Format: date
                                 * @description 就诊（出院）日期 YYYY-MM-DD
                                 */
                                date: string;
                            };
                            lines: {
                                /** @description 医保目录编码 (X… 23, Z… 20, C… 20, 15-digit service item) */
                                code: string;
                                /** @description 甲类 A / 乙类 B / 丙类 C as the institution claims it: the catalog’s class applies */
                                class?: "A" | "B" | "C";
                                /** @description 数量 */
                                quantity: number;
                                /** @description 金额，分 */
                                amountFen: number;
                                /** @description 乙类先行自付比例，万分之几, as the institution claims it: the pooling region’s (or the catalog’s) applies */
                                selfPayRatioBp?: number;
                                /** @description 限价（每单位），分 */
                                priceCapFen?: number | null;
                            }[];
                            /** @description 总额，分 fen */
                            totalFen: number;
                            /** @description 统筹基金，分 fen */
                            fundFen: number;
                            /** @description 个人账户，分 fen */
                            accountFen: number;
                            /** @description 现金，分 fen */
                            cashFen: number;
                            /** @description 已退，分 fen */
                            refundedFen: number;
                            settlementId: string | null;
                            prepayId: string | null;
                            /** @description 渠道交易号 */
                            transactionId: string | null;
                            /** @description why the order failed or closed (an error code) */
                            failureCode: string | null;
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            paidAt: string | null;
                            /** Format: date-time */
                            endedAt: string | null;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payment/cashier/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 收银台渠道 the channels the person may pay the cash part with */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description 已开通的支付渠道, in display order */
                            channels: ("wechat" | "alipay" | "unionpay")[];
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payment/orders/{id}/cashier": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 收银台 the person picks the channel for the cash part of their paying order: the channel’s payment page, prepaid there once (the same prepay again; another channel closes the first one’s trade). Not paying: 409 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 支付渠道 wechat 微信支付 / alipay 支付宝 / unionpay 银联 */
                        channel: "wechat" | "alipay" | "unionpay";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            order: {
                                id: string;
                                /** @description 订单号 the institution’s own reference */
                                orderReference: string;
                                /** @description 订单状态 */
                                status: "created" | "settling" | "paying" | "paid" | "compensating" | "failed" | "closed" | "refunded";
                                settlementType: "ALL" | "CASH" | "HI";
                                /** @description 支付渠道 wechat 微信支付 / alipay 支付宝 / unionpay 银联 */
                                payChannel: "wechat" | "alipay" | "unionpay";
                                personId: string;
                                insuranceType: string;
                                institutionCode: string;
                                visit: {
                                    /** @description 就诊类型 outpatient 门诊 / inpatient 住院 */
                                    kind: "outpatient" | "inpatient";
                                    /** @description 医院等级 of the registry: 0 未定级, 1 一级, 2 二级, 3 三级 */
                                    institutionLevel: 0 | 1 | 2 | 3;
                                    /**
                                     * Format: date
                                     * @description 就诊（出院）日期 YYYY-MM-DD
                                     */
                                    date: string;
                                };
                                lines: {
                                    /** @description 医保目录编码 (X… 23, Z… 20, C… 20, 15-digit service item) */
                                    code: string;
                                    /** @description 甲类 A / 乙类 B / 丙类 C as the institution claims it: the catalog’s class applies */
                                    class?: "A" | "B" | "C";
                                    /** @description 数量 */
                                    quantity: number;
                                    /** @description 金额，分 */
                                    amountFen: number;
                                    /** @description 乙类先行自付比例，万分之几, as the institution claims it: the pooling region’s (or the catalog’s) applies */
                                    selfPayRatioBp?: number;
                                    /** @description 限价（每单位），分 */
                                    priceCapFen?: number | null;
                                }[];
                                /** @description 总额，分 fen */
                                totalFen: number;
                                /** @description 统筹基金，分 fen */
                                fundFen: number;
                                /** @description 个人账户，分 fen */
                                accountFen: number;
                                /** @description 现金，分 fen */
                                cashFen: number;
                                /** @description 已退，分 fen */
                                refundedFen: number;
                                settlementId: string | null;
                                prepayId: string | null;
                                /** @description 渠道交易号 */
                                transactionId: string | null;
                                /** @description why the order failed or closed (an error code) */
                                failureCode: string | null;
                                /** Format: date-time */
                                expiresAt: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                paidAt: string | null;
                                /** Format: date-time */
                                endedAt: string | null;
                            };
                            /** @description 支付渠道 wechat 微信支付 / alipay 支付宝 / unionpay 银联 */
                            channel: "wechat" | "alipay" | "unionpay";
                            /** @description 渠道收银台 the channel’s payment page; it sends the browser back to the order in the hall */
                            cashierUrl: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payment/orders/{id}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 退款 refund part (cash only) or all (the settlement reversed too) of a paid order (institution, signed; Idempotency-Key required) */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description 幂等键 Idempotency-Key (required): a replay returns the first answer */
                    "idempotency-key": string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 退款金额，分 */
                        amountFen: number;
                        /** @description 退款原因 */
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            refund: {
                                id: string;
                                orderId: string;
                                /** @description 退款金额，分 fen */
                                amountFen: number;
                                /** @description 退回现金，分 fen */
                                cashFen: number;
                                /** @description 随冲正退回的统筹和个人账户，分 fen */
                                settlementFen: number;
                                reason: string;
                                /** @description 渠道退款号, null until the channel accepted it */
                                channelRefundId: string | null;
                                /** Format: date-time */
                                createdAt: string;
                            };
                            order: {
                                id: string;
                                /** @description 订单号 the institution’s own reference */
                                orderReference: string;
                                /** @description 订单状态 */
                                status: "created" | "settling" | "paying" | "paid" | "compensating" | "failed" | "closed" | "refunded";
                                settlementType: "ALL" | "CASH" | "HI";
                                /** @description 支付渠道 wechat 微信支付 / alipay 支付宝 / unionpay 银联 */
                                payChannel: "wechat" | "alipay" | "unionpay";
                                personId: string;
                                insuranceType: string;
                                institutionCode: string;
                                visit: {
                                    /** @description 就诊类型 outpatient 门诊 / inpatient 住院 */
                                    kind: "outpatient" | "inpatient";
                                    /** @description 医院等级 of the registry: 0 未定级, 1 一级, 2 二级, 3 三级 */
                                    institutionLevel: 0 | 1 | 2 | 3;
                                    /**
                                     * Format: date
                                     * @description 就诊（出院）日期 YYYY-MM-DD
                                     */
                                    date: string;
                                };
                                lines: {
                                    /** @description 医保目录编码 (X… 23, Z… 20, C… 20, 15-digit service item) */
                                    code: string;
                                    /** @description 甲类 A / 乙类 B / 丙类 C as the institution claims it: the catalog’s class applies */
                                    class?: "A" | "B" | "C";
                                    /** @description 数量 */
                                    quantity: number;
                                    /** @description 金额，分 */
                                    amountFen: number;
                                    /** @description 乙类先行自付比例，万分之几, as the institution claims it: the pooling region’s (or the catalog’s) applies */
                                    selfPayRatioBp?: number;
                                    /** @description 限价（每单位），分 */
                                    priceCapFen?: number | null;
                                }[];
                                /** @description 总额，分 fen */
                                totalFen: number;
                                /** @description 统筹基金，分 fen */
                                fundFen: number;
                                /** @description 个人账户，分 fen */
                                accountFen: number;
                                /** @description 现金，分 fen */
                                cashFen: number;
                                /** @description 已退，分 fen */
                                refundedFen: number;
                                settlementId: string | null;
                                prepayId: string | null;
                                /** @description 渠道交易号 */
                                transactionId: string | null;
                                /** @description why the order failed or closed (an error code) */
                                failureCode: string | null;
                                /** Format: date-time */
                                expiresAt: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                paidAt: string | null;
                                /** Format: date-time */
                                endedAt: string | null;
                            };
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payment/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的支付订单 the person’s own orders, newest first */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                    /** @description 订单状态 */
                    status?: "created" | "settling" | "paying" | "paid" | "compensating" | "failed" | "closed" | "refunded";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @description 订单号 the institution’s own reference */
                                orderReference: string;
                                /** @description 订单状态 */
                                status: "created" | "settling" | "paying" | "paid" | "compensating" | "failed" | "closed" | "refunded";
                                settlementType: "ALL" | "CASH" | "HI";
                                /** @description 支付渠道 wechat 微信支付 / alipay 支付宝 / unionpay 银联 */
                                payChannel: "wechat" | "alipay" | "unionpay";
                                personId: string;
                                insuranceType: string;
                                institutionCode: string;
                                visit: {
                                    /** @description 就诊类型 outpatient 门诊 / inpatient 住院 */
                                    kind: "outpatient" | "inpatient";
                                    /** @description 医院等级 of the registry: 0 未定级, 1 一级, 2 二级, 3 三级 */
                                    institutionLevel: 0 | 1 | 2 | 3;
                                    /**
                                     * Format: date
                                     * @description 就诊（出院）日期 YYYY-MM-DD
                                     */
                                    date: string;
                                };
                                lines: {
                                    /** @description 医保目录编码 (X… 23, Z… 20, C… 20, 15-digit service item) */
                                    code: string;
                                    /** @description 甲类 A / 乙类 B / 丙类 C as the institution claims it: the catalog’s class applies */
                                    class?: "A" | "B" | "C";
                                    /** @description 数量 */
                                    quantity: number;
                                    /** @description 金额，分 */
                                    amountFen: number;
                                    /** @description 乙类先行自付比例，万分之几, as the institution claims it: the pooling region’s (or the catalog’s) applies */
                                    selfPayRatioBp?: number;
                                    /** @description 限价（每单位），分 */
                                    priceCapFen?: number | null;
                                }[];
                                /** @description 总额，分 fen */
                                totalFen: number;
                                /** @description 统筹基金，分 fen */
                                fundFen: number;
                                /** @description 个人账户，分 fen */
                                accountFen: number;
                                /** @description 现金，分 fen */
                                cashFen: number;
                                /** @description 已退，分 fen */
                                refundedFen: number;
                                settlementId: string | null;
                                prepayId: string | null;
                                /** @description 渠道交易号 */
                                transactionId: string | null;
                                /** @description why the order failed or closed (an error code) */
                                failureCode: string | null;
                                /** Format: date-time */
                                expiresAt: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                paidAt: string | null;
                                /** Format: date-time */
                                endedAt: string | null;
                                /** @description 定点医药机构名称 (null: not in the registry) */
                                institutionName: string | null;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payment/mine/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 我的支付订单详情 one of the person’s own orders (to confirm it) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description 订单号 the institution’s own reference */
                            orderReference: string;
                            /** @description 订单状态 */
                            status: "created" | "settling" | "paying" | "paid" | "compensating" | "failed" | "closed" | "refunded";
                            settlementType: "ALL" | "CASH" | "HI";
                            /** @description 支付渠道 wechat 微信支付 / alipay 支付宝 / unionpay 银联 */
                            payChannel: "wechat" | "alipay" | "unionpay";
                            personId: string;
                            insuranceType: string;
                            institutionCode: string;
                            visit: {
                                /** @description 就诊类型 outpatient 门诊 / inpatient 住院 */
                                kind: "outpatient" | "inpatient";
                                /** @description 医院等级 of the registry: 0 未定级, 1 一级, 2 二级, 3 三级 */
                                institutionLevel: 0 | 1 | 2 | 3;
                                /**
                                 * Format: date
                                 * @description 就诊（出院）日期 YYYY-MM-DD
                                 */
                                date: string;
                            };
                            lines: {
                                /** @description 医保目录编码 (X… 23, Z… 20, C… 20, 15-digit service item) */
                                code: string;
                                /** @description 甲类 A / 乙类 B / 丙类 C as the institution claims it: the catalog’s class applies */
                                class?: "A" | "B" | "C";
                                /** @description 数量 */
                                quantity: number;
                                /** @description 金额，分 */
                                amountFen: number;
                                /** @description 乙类先行自付比例，万分之几, as the institution claims it: the pooling region’s (or the catalog’s) applies */
                                selfPayRatioBp?: number;
                                /** @description 限价（每单位），分 */
                                priceCapFen?: number | null;
                            }[];
                            /** @description 总额，分 fen */
                            totalFen: number;
                            /** @description 统筹基金，分 fen */
                            fundFen: number;
                            /** @description 个人账户，分 fen */
                            accountFen: number;
                            /** @description 现金，分 fen */
                            cashFen: number;
                            /** @description 已退，分 fen */
                            refundedFen: number;
                            settlementId: string | null;
                            prepayId: string | null;
                            /** @description 渠道交易号 */
                            transactionId: string | null;
                            /** @description why the order failed or closed (an error code) */
                            failureCode: string | null;
                            /** Format: date-time */
                            expiresAt: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            paidAt: string | null;
                            /** Format: date-time */
                            endedAt: string | null;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payment/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** 登记回调地址 set the URL the platform POSTs order events to (paid, failed, closed, refunded), signed with the app’s secret; retried with backoff (institution, signed) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 回调地址 http(s) URL (checked by the service: no credentials, no fragment) */
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            url: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payment/webhook/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 回调记录 the app’s webhook deliveries and their attempts, newest first */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                    /** @description pending 待投递 / delivered 已送达 / failed 已放弃 */
                    status?: "pending" | "delivered" | "failed";
                    orderId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                event: "paid" | "failed" | "closed" | "refunded";
                                orderId: string;
                                /** @description pending 待投递 / delivered 已送达 / failed 已放弃 */
                                status: "pending" | "delivered" | "failed";
                                attempts: number;
                                /** Format: date-time */
                                nextAttemptAt: string | null;
                                lastUrl: string | null;
                                /** @description HTTP status of the last attempt; null when it got no answer */
                                lastStatus: number | null;
                                lastError: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                deliveredAt: string | null;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payment/notify/wechat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 支付结果通知（微信支付式）the WeChat-Pay-style channel’s callback: public, but signed (HMAC-SM3 with timestamp and nonce; a replay is refused) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 平台订单号 */
                        outTradeNo: string;
                        /** @description 交易状态 */
                        tradeState: "SUCCESS" | "NOTPAY" | "PAYERROR" | "CLOSED" | "REFUND";
                        /** @description 金额，分 */
                        amountFen: number;
                        /** @description 渠道交易号 */
                        transactionId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "SUCCESS";
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payment/notify/alipay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 支付结果通知（支付宝式）the Alipay-style channel’s asynchronous notification: public, but signed (RSA2 over the sorted fields with the channel’s key); answered with plain `success` */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description 异步通知 form fields */
            requestBody: {
                content: {
                    "application/x-www-form-urlencoded": {
                        /** @description 应用ID */
                        app_id: string;
                        /** @description 商户订单号 平台订单号 */
                        out_trade_no: string;
                        /** @description 支付宝交易号 */
                        trade_no?: string;
                        /** @description 交易状态 WAIT_BUYER_PAY / TRADE_SUCCESS / TRADE_FINISHED / TRADE_CLOSED */
                        trade_status: string;
                        /** @description 订单金额，元 */
                        total_amount: string;
                        /** @description 签名类型 RSA2 */
                        sign_type: string;
                        /** @description 签名 */
                        sign: string;
                    } & {
                        [key: string]: string;
                    };
                };
            };
            responses: {
                /** @description text/plain acknowledgement */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payment/notify/unionpay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 后台通知（银联式）the UnionPay-style channel’s back notification: public, but signed (signMethod 03: SM2 over the SM3 digest of the sorted fields); answered with HTTP 200 */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description 后台通知 form fields */
            requestBody: {
                content: {
                    "application/x-www-form-urlencoded": {
                        /** @description 商户代码 */
                        merId: string;
                        /** @description 交易类型 01 消费 / 04 退货 */
                        txnType: string;
                        /** @description 商户订单号 */
                        orderId: string;
                        /** @description 交易金额，分 */
                        txnAmt: string;
                        /** @description 应答码 */
                        respCode: string;
                        /** @description 查询流水号 */
                        queryId?: string;
                        /** @description 签名方法 03 */
                        signMethod: string;
                        /** @description 签名证书ID */
                        certId: string;
                        /** @description 签名 */
                        signature: string;
                    } & {
                        [key: string]: string;
                    };
                };
            };
            responses: {
                /** @description text/plain acknowledgement */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": string;
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payment/reconciliations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 对账记录 the reconciliations, newest day first, counted for your region */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                    /** @description 对账日期（北京时间）YYYY-MM-DD */
                    date?: string;
                    /** @description 支付渠道 wechat 微信支付 / alipay 支付宝 / unionpay 银联 */
                    channel?: "wechat" | "alipay" | "unionpay";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** Format: date */
                                date: string;
                                /** @description 支付渠道 */
                                channel: string;
                                runs: number;
                                counts: {
                                    match: number;
                                    amount_mismatch: number;
                                    missing_on_platform: number;
                                    missing_at_channel: number;
                                };
                                items: {
                                    open: number;
                                    resolved: number;
                                };
                                createdBy: string;
                                /** Format: date-time */
                                createdAt: string;
                                lastRunBy: string;
                                /** Format: date-time */
                                lastRunAt: string;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** 对账 reconcile a day’s channel statement with the platform’s payments and refunds, for your region; a re-run replaces the open items and keeps the decided ones */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @description 对账日期（北京时间）YYYY-MM-DD
                         */
                        date: string;
                        /** @description 支付渠道 wechat 微信支付 / alipay 支付宝 / unionpay 银联 */
                        channel: "wechat" | "alipay" | "unionpay";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** Format: date */
                            date: string;
                            /** @description 支付渠道 */
                            channel: string;
                            runs: number;
                            counts: {
                                match: number;
                                amount_mismatch: number;
                                missing_on_platform: number;
                                missing_at_channel: number;
                            };
                            items: {
                                open: number;
                                resolved: number;
                            };
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                            lastRunBy: string;
                            /** Format: date-time */
                            lastRunAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payment/reconciliations/daily": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 日终对账 reconcile a day for every payment channel offered, one report each (as `POST /reconciliations`), for your region */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date
                         * @description 对账日期（北京时间）YYYY-MM-DD
                         */
                        date: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date */
                            date: string;
                            reports: {
                                id: string;
                                /** Format: date */
                                date: string;
                                /** @description 支付渠道 */
                                channel: string;
                                runs: number;
                                counts: {
                                    match: number;
                                    amount_mismatch: number;
                                    missing_on_platform: number;
                                    missing_at_channel: number;
                                };
                                items: {
                                    open: number;
                                    resolved: number;
                                };
                                createdBy: string;
                                /** Format: date-time */
                                createdAt: string;
                                lastRunBy: string;
                                /** Format: date-time */
                                lastRunAt: string;
                            }[];
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payment/reconciliations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 对账汇总 one reconciliation, counted for your region */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** Format: date */
                            date: string;
                            /** @description 支付渠道 */
                            channel: string;
                            runs: number;
                            counts: {
                                match: number;
                                amount_mismatch: number;
                                missing_on_platform: number;
                                missing_at_channel: number;
                            };
                            items: {
                                open: number;
                                resolved: number;
                            };
                            createdBy: string;
                            /** Format: date-time */
                            createdAt: string;
                            lastRunBy: string;
                            /** Format: date-time */
                            lastRunAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payment/reconciliations/{id}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 对账明细 the compared payments and refunds of your region */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                    /** @description open 待处理 / resolved 已处理 / matched 一致 */
                    status?: "open" | "resolved" | "matched";
                    /** @description match 一致 / amount_mismatch 金额不符 / missing_on_platform 平台无记录 / missing_at_channel 渠道无记录 */
                    kind?: "match" | "amount_mismatch" | "missing_on_platform" | "missing_at_channel";
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                reconciliationId: string;
                                /** @description 支付渠道 of the report the item belongs to */
                                channel: string;
                                /** @description match 一致 / amount_mismatch 金额不符 / missing_on_platform 平台无记录 / missing_at_channel 渠道无记录 */
                                kind: "match" | "amount_mismatch" | "missing_on_platform" | "missing_at_channel";
                                type: "pay" | "refund";
                                regionCode: string;
                                institutionCode: string | null;
                                /** @description 机构名称 the registry’s name of the institution (in the list) */
                                institutionName?: string | null;
                                orderId: string;
                                refundId: string | null;
                                channelRef: string | null;
                                platformFen: number | null;
                                channelFen: number | null;
                                /** @description channel − platform */
                                differenceFen: number | null;
                                /** @description open 待处理 / resolved 已处理 / matched 一致 */
                                status: "open" | "resolved" | "matched";
                                resolution: ("confirmed" | "book_on_platform" | "refund_payer" | "channel_adjust" | "write_off") | (never | null);
                                note: string | null;
                                resolvedBy: string | null;
                                /** Format: date-time */
                                resolvedAt: string | null;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payment/reconciliation-items/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 处理对账差异 decide an open item once; the decision is recorded (an item outside your region is not found) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description confirmed 确认无误 / book_on_platform 平台补记 / refund_payer 原路退回 / channel_adjust 渠道调账 / write_off 核销 */
                        resolution: "confirmed" | "book_on_platform" | "refund_payer" | "channel_adjust" | "write_off";
                        /** @description 处理说明 */
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            reconciliationId: string;
                            /** @description 支付渠道 of the report the item belongs to */
                            channel: string;
                            /** @description match 一致 / amount_mismatch 金额不符 / missing_on_platform 平台无记录 / missing_at_channel 渠道无记录 */
                            kind: "match" | "amount_mismatch" | "missing_on_platform" | "missing_at_channel";
                            type: "pay" | "refund";
                            regionCode: string;
                            institutionCode: string | null;
                            /** @description 机构名称 the registry’s name of the institution (in the list) */
                            institutionName?: string | null;
                            orderId: string;
                            refundId: string | null;
                            channelRef: string | null;
                            platformFen: number | null;
                            channelFen: number | null;
                            /** @description channel − platform */
                            differenceFen: number | null;
                            /** @description open 待处理 / resolved 已处理 / matched 一致 */
                            status: "open" | "resolved" | "matched";
                            resolution: ("confirmed" | "book_on_platform" | "refund_payer" | "channel_adjust" | "write_off") | (never | null);
                            note: string | null;
                            resolvedBy: string | null;
                            /** Format: date-time */
                            resolvedAt: string | null;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analysis/month-overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 月度概览（本辖区） the month’s enrollments, settlements, activations by day and receivables due against received, in your regions */
        get: {
            parameters: {
                query: {
                    /** @description 月份 YYYY-MM */
                    month: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description 月度概览 the month’s figures of your regions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description 月份 YYYY-MM */
                            month: string;
                            /** @description 统计范围 the region-code prefix of the caller’s regions (empty: national) */
                            regionPrefix: string;
                            /** @description the days of the month, YYYY-MM-DD (Beijing time) */
                            days: string[];
                            /** @description 人员参保 enrollments registered: one number per day of the month, in order of days */
                            enrollments: number[];
                            settlements: {
                                /** @description 结算 settlements (reversed ones left out): one number per day of the month, in order of days */
                                count: number[];
                                /** @description 统筹基金支付 the fund’s part, 分 fen: one number per day of the month, in order of days */
                                fundFen: number[];
                            };
                            /** @description 电子凭证激活 vouchers activated: one number per day of the month, in order of days */
                            activations: number[];
                            /** @description 应收与实收 the month’s receivables by insurance type */
                            receivables: {
                                insuranceType: string;
                                /** @description 应收 due，分 fen */
                                dueFen: number;
                                /** @description 实收 received，分 fen */
                                receivedFen: number;
                            }[];
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/message/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 站内信 my messages, newest first (unread only with unread=true) */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                    unread?: boolean;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @description 类别 */
                                category: "security" | "payment" | "bill" | "application" | "collection" | "service" | "notice";
                                subject: string;
                                body: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                readAt: string | null;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/message/inbox/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 未读数 how many of my messages are unread (the bell) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            count: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/message/inbox/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 一条站内信 one of my messages (another account’s is not found) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description 类别 */
                            category: "security" | "payment" | "bill" | "application" | "collection" | "service" | "notice";
                            subject: string;
                            body: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            readAt: string | null;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/message/inbox/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 标为已读 mark one of my messages read (its SMS / WeChat fallbacks are not sent then) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description 类别 */
                            category: "security" | "payment" | "bill" | "application" | "collection" | "service" | "notice";
                            subject: string;
                            body: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            readAt: string | null;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/message/inbox/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 全部已读 mark all my messages read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            read: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/message/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 消息偏好 which categories I receive, and the quiet hours */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            categories: {
                                /** @description 类别 */
                                category: "security" | "payment" | "bill" | "application" | "collection" | "service" | "notice";
                                nameZh: string;
                                nameEn: string;
                                /** @description 必收 cannot be switched off */
                                mandatory: boolean;
                                enabled: boolean;
                            }[];
                            quietHours: {
                                /** @description HH:MM Beijing time */
                                start: string;
                                end: string;
                            };
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** 设置消息偏好 switch categories on or off (security alerts stay on) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description category → enabled; a mandatory category cannot be false */
                        categories: {
                            security?: boolean;
                            payment?: boolean;
                            bill?: boolean;
                            application?: boolean;
                            collection?: boolean;
                            service?: boolean;
                            notice?: boolean;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            categories: {
                                /** @description 类别 */
                                category: "security" | "payment" | "bill" | "application" | "collection" | "service" | "notice";
                                nameZh: string;
                                nameEn: string;
                                /** @description 必收 cannot be switched off */
                                mandatory: boolean;
                                enabled: boolean;
                            }[];
                            quietHours: {
                                /** @description HH:MM Beijing time */
                                start: string;
                                end: string;
                            };
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/message/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 消息模板 the newest version of every template */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            code: string;
                            /** @description 渠道 inbox 站内信, sms 短信, email 邮件, wechat 公众号, push App 推送 */
                            channel: "inbox" | "sms" | "email" | "wechat" | "push";
                            version: number;
                            /** @description 类别 */
                            category: "security" | "payment" | "bill" | "application" | "collection" | "service" | "notice";
                            placeholders: {
                                name: string;
                                type: "text" | "money" | "date" | "datetime" | "number" | "code";
                            }[];
                            subjectZh: string;
                            subjectEn: string;
                            bodyZh: string;
                            bodyEn: string;
                            providerTemplateId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** 新建模板 / 新版本 a template, or the next version of one (placeholders declared with types, each used) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 模板编码, e.g. payment.paid */
                        code: string;
                        /** @description 渠道 inbox 站内信, sms 短信, email 邮件, wechat 公众号, push App 推送 */
                        channel: "inbox" | "sms" | "email" | "wechat" | "push";
                        /** @description 类别 */
                        category: "security" | "payment" | "bill" | "application" | "collection" | "service" | "notice";
                        placeholders: {
                            name: string;
                            type: "text" | "money" | "date" | "datetime" | "number" | "code";
                        }[];
                        subjectZh: string;
                        subjectEn: string;
                        bodyZh: string;
                        bodyEn: string;
                        providerTemplateId?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            code: string;
                            /** @description 渠道 inbox 站内信, sms 短信, email 邮件, wechat 公众号, push App 推送 */
                            channel: "inbox" | "sms" | "email" | "wechat" | "push";
                            version: number;
                            /** @description 类别 */
                            category: "security" | "payment" | "bill" | "application" | "collection" | "service" | "notice";
                            placeholders: {
                                name: string;
                                type: "text" | "money" | "date" | "datetime" | "number" | "code";
                            }[];
                            subjectZh: string;
                            subjectEn: string;
                            bodyZh: string;
                            bodyEn: string;
                            providerTemplateId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/message/templates/{code}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 模板版本 every version of a template code, newest first per channel */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            code: string;
                            /** @description 渠道 inbox 站内信, sms 短信, email 邮件, wechat 公众号, push App 推送 */
                            channel: "inbox" | "sms" | "email" | "wechat" | "push";
                            version: number;
                            /** @description 类别 */
                            category: "security" | "payment" | "bill" | "application" | "collection" | "service" | "notice";
                            placeholders: {
                                name: string;
                                type: "text" | "money" | "date" | "datetime" | "number" | "code";
                            }[];
                            subjectZh: string;
                            subjectEn: string;
                            bodyZh: string;
                            bodyEn: string;
                            providerTemplateId: string | null;
                            /** Format: date-time */
                            createdAt: string;
                        }[];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/message/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 消息事件 the business events a rule can send on, with the parameters they give */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            key: string;
                            nameZh: string;
                            nameEn: string;
                            /** @description 类别 */
                            category: "security" | "payment" | "bill" | "application" | "collection" | "service" | "notice";
                            urgent: boolean;
                            placeholders: {
                                name: string;
                                type: "text" | "money" | "date" | "datetime" | "number" | "code";
                            }[];
                        }[];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/message/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 推送规则 */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            event: string;
                            eventNameZh: string;
                            eventNameEn: string;
                            templateCode: string;
                            channels: ("inbox" | "sms" | "email" | "wechat" | "push")[];
                            fallback: boolean;
                            regionPrefix: string;
                            enabled: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** 新建推送规则 an event sends a template over channels, in a region */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 事件 a key from GET /events */
                        event: string;
                        /** @description 模板编码, e.g. payment.paid */
                        templateCode: string;
                        channels: ("inbox" | "sms" | "email" | "wechat" | "push")[];
                        /** @description 逐级补发: in-site first, the others only while it stays unread */
                        fallback?: boolean;
                        /** @description a province / city / county code prefix; left out: every region */
                        regionPrefix?: string;
                        enabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            event: string;
                            eventNameZh: string;
                            eventNameEn: string;
                            templateCode: string;
                            channels: ("inbox" | "sms" | "email" | "wechat" | "push")[];
                            fallback: boolean;
                            regionPrefix: string;
                            enabled: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/message/rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** 修改推送规则 channels, fallback, on / off */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        channels?: ("inbox" | "sms" | "email" | "wechat" | "push")[];
                        fallback?: boolean;
                        enabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            event: string;
                            eventNameZh: string;
                            eventNameEn: string;
                            templateCode: string;
                            channels: ("inbox" | "sms" | "email" | "wechat" | "push")[];
                            fallback: boolean;
                            regionPrefix: string;
                            enabled: boolean;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/message/log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 消息日志 messages of your regions, newest first, recipients masked */
        get: {
            parameters: {
                query: {
                    page: number;
                    pageSize: number;
                    /** @description 渠道 inbox 站内信, sms 短信, email 邮件, wechat 公众号, push App 推送 */
                    channel?: "inbox" | "sms" | "email" | "wechat" | "push";
                    status?: "created" | "sending" | "delivered" | "temporary-failure" | "permanent-failure" | "technical-failure" | "cancelled";
                    templateCode?: string;
                    from?: string;
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @description 渠道 inbox 站内信, sms 短信, email 邮件, wechat 公众号, push App 推送 */
                                channel: "inbox" | "sms" | "email" | "wechat" | "push";
                                templateCode: string;
                                templateVersion: number;
                                /** @description 类别 */
                                category: "security" | "payment" | "bill" | "application" | "collection" | "service" | "notice";
                                /** @description masked address (138****0000), or null for in-site and push */
                                recipient: string | null;
                                /** @description masked name of the recipient account */
                                accountName: string | null;
                                regionCode: string | null;
                                status: "created" | "sending" | "delivered" | "temporary-failure" | "permanent-failure" | "technical-failure" | "cancelled";
                                attempts: number;
                                failure: string | null;
                                /** Format: date-time */
                                notBefore: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** Format: date-time */
                                completedAt: string | null;
                            }[];
                            total: number;
                            page: number;
                            pageSize: number;
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/message/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 发送统计 per day and channel: sent, delivered, failed (your regions) */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description YYYY-MM-DD, Beijing time */
                            days: string[];
                            channels: {
                                /** @description 渠道 inbox 站内信, sms 短信, email 邮件, wechat 公众号, push App 推送 */
                                channel: "inbox" | "sms" | "email" | "wechat" | "push";
                                /** @description per day: messages handed to the channel */
                                sent: number[];
                                delivered: number[];
                                failed: number[];
                            }[];
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/message/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 发送通知 a template to persons of your region (their accounts); Idempotency-Key required */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description 幂等键 Idempotency-Key: a replay returns the first answer */
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 模板编码, e.g. payment.paid */
                        templateCode: string;
                        /** @description 基本信息 person ids; each person’s accounts receive it */
                        personIds: string[];
                        /** @description the template’s placeholders by name: text, dates as YYYY-MM-DD, money as integer fen */
                        params: {
                            [key: string]: string | number;
                        };
                        channels?: ("inbox" | "sms" | "email" | "wechat" | "push")[];
                        fallback?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            messages: {
                                id: string;
                                /** @description 渠道 inbox 站内信, sms 短信, email 邮件, wechat 公众号, push App 推送 */
                                channel: "inbox" | "sms" | "email" | "wechat" | "push";
                                status: "created" | "sending" | "delivered" | "temporary-failure" | "permanent-failure" | "technical-failure" | "cancelled";
                                /** Format: date-time */
                                notBefore: string;
                            }[];
                        };
                    };
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/message/receipts/{channel}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** 回执 a provider’s delivery receipt: public, but signed with the provider’s key (HMAC-SM3, timestamp and nonce; a replay is refused) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    channel: "sms" | "wechat" | "push";
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        providerRef: string;
                        reference: string;
                        status: "delivered" | "temporary-failure" | "permanent-failure";
                        /** Format: date-time */
                        at: string;
                    };
                };
            };
            responses: {
                /** @description no content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description problem+json (RFC 9457) */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
                /** @description problem+json (RFC 9457) */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description RFC 9457 problem details */
        Problem: {
            type: string;
            title: string;
            status: number;
            detail: string;
            code: string;
            traceId: string;
            field?: string;
            errors?: {
                field: string;
                message: string;
            }[];
        };
        /** @description 菜单 a menu */
        AuthMenu: {
            code: string;
            name: string;
            path: string | null;
            children: components["schemas"]["AuthMenu"][];
        };
        /** @description 机构树节点 an org and its children */
        AuthOrgNode: {
            id: string;
            parentId: string | null;
            name: string;
            level: "national" | "province" | "city" | "agency";
            regionCode: string;
            children: components["schemas"]["AuthOrgNode"][];
        };
        /** @description 资源树节点 a resource and its children */
        AuthResourceNode: {
            code: string;
            parentCode: string | null;
            kind: "subsystem" | "menu" | "button" | "api";
            name: string;
            nameEn: string;
            path: string | null;
            sort: number;
            children: components["schemas"]["AuthResourceNode"][];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
