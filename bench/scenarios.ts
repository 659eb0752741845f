import { loginStaff, newPerson } from '../test/support/factories.js';
import type { Scenario } from './measure.js';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export const SCENARIOS: Scenario[] = [
  {
    name: 'profile',
    summary: 'GET /api/v1/user/me — a person reads their own profile with an access token (goal: ratio >= 0.5)',
    async setup(server) {
      const person = await newPerson(server);
      return { path: '/api/v1/user/me', headers: bearer(person.accessToken) };
    },
  },
  {
    name: 'account-lookup',
    summary: 'GET /api/v1/user/accounts/:id — the system admin looks up a staff account in scope (PostgreSQL reads + permission check)',
    async setup(server) {
      const admin = await loginStaff(server, 'sysadmin');
      // A person has no organization, so it is outside every admin's scope (404); the seeded clerk is
      // a staff account under the national organization, within the system admin's scope.
      const clerk = await loginStaff(server, 'nanyang_clerk');
      const me = await server.api<{ id: string }>('GET', '/user/me', { token: clerk.accessToken });
      if (me.status !== 200) throw new Error(`clerk profile: ${me.status} ${JSON.stringify(me.body)}`);
      return { path: `/api/v1/user/accounts/${me.body.id}`, headers: bearer(admin.accessToken) };
    },
  },
  {
    name: 'login',
    summary: 'POST /api/v1/auth/login — password login (argon2id verify, session rows, audit record); reported only',
    // argon2id runs on libuv's 4 threads: a few more connections keep them busy; 50 would only queue.
    connections: 8,
    async setup(server) {
      // Several accounts in turn; every attempt succeeds, so no lockout counter ever moves.
      const people = await Promise.all(Array.from({ length: 4 }, () => newPerson(server)));
      return { path: '/api/v1/auth/login', method: 'POST', bodies: people.map((p) => ({ identifier: p.idNumber, password: p.password })) };
    },
  },
  {
    name: 'policy-lookup',
    summary: 'GET /api/v1/policy/parameters — the published base rule, collection rule and wage for a region, insurance type and month (issue 3)',
    async setup(server) {
      // A city admin holds policy.read; the demo seed publishes the long-term-care policy of 南阳 (411300) from 2019-01.
      const admin = await loginStaff(server, 'nanyang_admin');
      return { path: '/api/v1/policy/parameters?regionCode=411300&insuranceType=410&month=2019-01', headers: bearer(admin.accessToken) };
    },
  },
];
