import type { AppContext } from '../context.js';
import { audit } from '../../pipelines/db/audit.js';
import { hashPassword } from '../auth/passwords.js';
import { ApiRouter } from '../http/route.js';
import { HttpError, notFound } from '../http/errors.js';
import { AuditList, AuditQuery, CreateUserBody, UpdateUserBody, UserIdParams, UserList, UserRow } from '../schemas/users.js';
import type { Role } from '../schemas/common.js';

interface Row {
  user_id: number;
  username: string;
  display_name: string | null;
  role: Role;
  unit: string | null;
  disabled: boolean;
  created_at: string;
  last_login_at: string | null;
  [key: string]: unknown;
}

const toUser = (r: Row) => ({
  userId: r.user_id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  unit: r.unit,
  disabled: r.disabled,
  createdAt: r.created_at,
  lastLoginAt: r.last_login_at,
});

/** User administration and the audit log (admin only). */
export function userRoutes(ctx: AppContext): ApiRouter {
  const api = new ApiRouter(ctx, '/users', 'users');
  const admin = ['admin'] as const;

  api.add({ method: 'get', path: '/', summary: 'All users', access: admin, response: UserList, lock: 'accounts' }, async () => ({
    users: (await ctx.db.all<Row>('server/users_list')).map(toUser),
  }));

  api.add(
    { method: 'post', path: '/', summary: 'Create a user', conflict: 'the user name is taken', access: admin, body: CreateUserBody, response: UserRow, lock: 'accounts' },
    async ({ body, user }) => {
      if (await ctx.db.one('server/user_by_name', { username: body.username })) throw new HttpError(409, 'exists', `the user name '${body.username}' is taken`, { username: body.username });
      const row = await ctx.db.one<{ user_id: number }>('server/user_insert', {
        username: body.username,
        display_name: body.displayName ?? null,
        role: body.role,
        unit: body.unit ?? null,
        password_hash: await hashPassword(body.password),
      });
      await audit(ctx.db, { who: user.username, action: 'user_create', what: body.username, details: { role: body.role, unit: body.unit ?? null } });
      const created = (await ctx.db.all<Row>('server/users_list')).find((r) => r.user_id === row!.user_id)!;
      return toUser(created);
    },
  );

  api.add(
    { method: 'patch', path: '/:userId', summary: "Change a user's name, role and unit, disable them or set a new password", conflict: 'the change would leave no active administrator', access: admin, params: UserIdParams, body: UpdateUserBody, response: UserRow, lock: 'accounts' },
    async ({ params, body, user }) => {
      const current = (await ctx.db.all<Row>('server/users_list')).find((r) => r.user_id === params.userId);
      if (!current) throw notFound(`no user ${params.userId}`);
      const losesAdmin = current.role === 'admin' && ((body.role !== undefined && body.role !== 'admin') || body.disabled === true);
      if (losesAdmin && (await ctx.db.one<{ n: number }>('server/admin_count', { user_id: params.userId }))!.n === 0) {
        throw new HttpError(409, 'last_admin', 'this is the last active administrator');
      }
      await ctx.db.one('server/user_update', {
        user_id: params.userId,
        display_name: body.displayName ?? null,
        role: body.role ?? null,
        unit: body.unit ?? null,
        disabled: body.disabled ?? null,
      });
      if (body.password) await ctx.db.run('server/user_set_password', { user_id: params.userId, password_hash: await hashPassword(body.password) });
      // a changed role, unit, password or a disabled account takes effect at once: sign them out
      if (body.role !== undefined || body.disabled !== undefined || body.password) await ctx.sessions.destroyUser(params.userId);
      const { password: _, ...changes } = body;
      await audit(ctx.db, { who: user.username, action: 'user_update', what: current.username, details: { ...changes, passwordReset: Boolean(body.password) } });
      return toUser((await ctx.db.all<Row>('server/users_list')).find((r) => r.user_id === params.userId)!);
    },
  );

  api.add({ method: 'get', path: '/audit', summary: 'The audit log, newest first', access: admin, query: AuditQuery, response: AuditList, lock: 'accounts' }, async ({ query }) => {
    const rows = await ctx.db.all<{ audit_id: number; who: string; action: string; what: string | null; at: string; details: string | null }>('server/audit_list', {
      action: query.action ?? null,
      who: query.who ?? null,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return { rows: rows.map((r) => ({ auditId: r.audit_id, who: r.who, action: r.action, what: r.what, at: r.at, details: r.details })) };
  });
  return api;
}
