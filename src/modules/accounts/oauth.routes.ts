// HTTP: the OAuth 2.0 token endpoint (client-credentials grant). The only route that accepts
// form-encoded bodies, as RFC 6749 requires; the parser is registered in this plugin's scope only.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Invalid, Unauthenticated } from '../../core/errors.js';
import { registerFormBodyParser } from '../../http/json-body.js';
import { errors } from '../../http/schemas.js';
import * as accounts from './service.js';
import { TokenRequestBody, TokenResponse } from './schemas.js';

export async function oauthRoutes(app: FastifyInstance) {
  registerFormBodyParser(app);
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post('/oauth/token', {
    config: { auth: 'public' },
    schema: {
      tags: ['oauth'],
      summary: 'OAuth 2.0 client-credentials grant (RFC 6749 §4.4); client authentication by HTTP Basic or in the body',
      body: TokenRequestBody,
      response: { 200: TokenResponse, 400: errors[400], 401: errors[401], 403: errors[403], 413: errors[413], 415: errors[415] },
    },
    handler: async (req, reply) => {
      if (req.body.grant_type !== 'client_credentials') throw Invalid.field('grant_type', 'grant_unsupported');
      let clientId = req.body.client_id;
      let clientSecret = req.body.client_secret;
      const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
      if (basic) {
        // RFC 6749 §2.3.1: client id and secret are form-urlencoded inside the Basic credentials.
        const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        try {
          clientId = decodeURIComponent(colon < 0 ? decoded : decoded.slice(0, colon));
          clientSecret = colon < 0 ? '' : decodeURIComponent(decoded.slice(colon + 1));
        } catch {
          throw new Unauthenticated('client_invalid');
        }
      }
      if (!clientId || !clientSecret) throw Invalid.field('client_id', 'field_required');
      const t = await accounts.issueClientAccessToken(req.ctx, { clientId, clientSecret, scope: req.body.scope });
      reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
      return { access_token: t.accessToken, token_type: t.tokenType, expires_in: t.expiresIn, scope: t.scope };
    },
  });
}
