// HTTP: webhook subscriptions, their deliveries log and a test ping. Who sees what: policy.ts.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errors, IdParams, Ok } from '../../http/schemas.js';
import {
  Delivery,
  DeliveryList,
  DeliveryParams,
  DeliveryQuery,
  ListQuery,
  PingResult,
  Subscription,
  SubscriptionBody,
  SubscriptionList,
  SubscriptionPatch,
  SubscriptionWithSecret,
} from './schemas.js';
import * as webhooks from './service.js';

const tags = ['webhooks'];
const errorResponses = { 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 429: errors[429] };

export async function webhookRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const config = { scope: 'read:public' as const };

  api.post('/webhooks', {
    config,
    schema: {
      operationId: 'createWebhook',
      tags,
      summary: 'Register a webhook subscription; returns its signing secret once',
      description: 'Deliveries are signed POSTs of the changes you may read (docs/webhooks.md).',
      body: SubscriptionBody,
      response: { 201: SubscriptionWithSecret, ...errorResponses, 413: errors[413] },
    },
    handler: async (req, reply) => reply.code(201).send(await webhooks.createSubscription(req.ctx, req.body as webhooks.SubscriptionInput)),
  });

  api.get('/webhooks', {
    config,
    schema: {
      operationId: 'listWebhooks',
      tags,
      summary: "Your webhook subscriptions (everyone's for the DIC)",
      querystring: ListQuery,
      response: { 200: SubscriptionList, ...errorResponses },
    },
    handler: async (req) => webhooks.listSubscriptions(req.ctx, req.query),
  });

  api.get('/webhooks/:id', {
    config,
    schema: { operationId: 'getWebhook', tags, summary: 'One webhook subscription', params: IdParams, response: { 200: Subscription, ...errorResponses } },
    handler: async (req) => webhooks.getSubscription(req.ctx, req.params.id),
  });

  api.patch('/webhooks/:id', {
    config,
    schema: {
      operationId: 'updateWebhook',
      tags,
      summary: "Change a subscription's URL, events, description, or pause/resume it",
      params: IdParams,
      body: SubscriptionPatch,
      response: { 200: Subscription, ...errorResponses, 413: errors[413] },
    },
    handler: async (req) => webhooks.updateSubscription(req.ctx, req.params.id, req.body as Parameters<typeof webhooks.updateSubscription>[2]),
  });

  api.delete('/webhooks/:id', {
    config,
    schema: {
      operationId: 'deleteWebhook',
      tags,
      summary: 'Remove a subscription and its deliveries log',
      params: IdParams,
      response: { 200: Ok, ...errorResponses },
    },
    handler: async (req) => {
      await webhooks.deleteSubscription(req.ctx, req.params.id);
      return { ok: true as const };
    },
  });

  api.post('/webhooks/:id/rotate-secret', {
    config,
    schema: {
      operationId: 'rotateWebhookSecret',
      tags,
      summary: 'Replace the signing secret; returns the new one once',
      params: IdParams,
      response: { 200: SubscriptionWithSecret, ...errorResponses },
    },
    handler: async (req) => webhooks.rotateSubscriptionSecret(req.ctx, req.params.id),
  });

  api.get('/webhooks/:id/deliveries', {
    config,
    schema: {
      operationId: 'listWebhookDeliveries',
      tags,
      summary: 'Deliveries of a subscription, newest change first: status, attempts, last answer',
      params: IdParams,
      querystring: DeliveryQuery,
      response: { 200: DeliveryList, ...errorResponses },
    },
    handler: async (req) => webhooks.listDeliveries(req.ctx, req.params.id, req.query),
  });

  api.post('/webhooks/:id/deliveries/:deliveryId/redeliver', {
    config,
    schema: {
      operationId: 'redeliverWebhookDelivery',
      tags,
      summary: 'Queue a failed or delivered delivery again for a fresh series of attempts',
      description:
        'The same delivery (same Webhook-Id and body) is reset to pending and sent by the next run of the sender; its attempt log is kept. 409 while it is pending or while the subscription is paused or disabled.',
      params: DeliveryParams,
      response: { 200: Delivery, ...errorResponses, 409: errors[409] },
    },
    handler: async (req) => webhooks.redeliver(req.ctx, req.params.id, req.params.deliveryId),
  });

  api.post('/webhooks/:id/ping', {
    config,
    schema: {
      operationId: 'pingWebhook',
      tags,
      summary: "Send a signed test ping now and report the receiver's answer",
      params: IdParams,
      response: { 200: PingResult, ...errorResponses },
    },
    handler: async (req) => webhooks.pingSubscription(req.ctx, req.params.id),
  });
}
