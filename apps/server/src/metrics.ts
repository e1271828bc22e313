import { Counter, Gauge, Registry } from 'prom-client';

/** Prometheus metrics of one server instance, in its own registry so several servers can share a process. */
export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'route' | 'method' | 'status'>;
  webhookPix: Counter<'outcome'>;
  webhookCalls: Counter<'status'>;
  socketsConnected: Gauge;
  socketFrames: Counter<'type'>;
  collabConnections: Gauge;
  collabSlowConsumers: Counter;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  return {
    registry,
    httpRequests: new Counter({
      name: 'lastro_http_requests_total',
      help: 'HTTP responses sent, by route, method and status code.',
      labelNames: ['route', 'method', 'status'],
      registers: [registry],
    }),
    webhookPix: new Counter({
      name: 'lastro_pix_webhook_pix_total',
      help: 'Pix received by the webhook, by outcome (credited, duplicate, suspense).',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    webhookCalls: new Counter({
      name: 'lastro_pix_webhook_calls_total',
      help: 'PIX webhook callbacks, by HTTP status returned.',
      labelNames: ['status'],
      registers: [registry],
    }),
    socketsConnected: new Gauge({
      name: 'lastro_sync_sockets_connected',
      help: 'Open /sync WebSocket connections.',
      registers: [registry],
    }),
    socketFrames: new Counter({
      name: 'lastro_sync_frames_received_total',
      help: 'Frames received on /sync, by frame type (invalid for frames that failed validation).',
      labelNames: ['type'],
      registers: [registry],
    }),
    collabConnections: new Gauge({
      name: 'lastro_collab_connections',
      help: 'Open /collab connections that joined a room.',
      registers: [registry],
    }),
    collabSlowConsumers: new Counter({
      name: 'lastro_collab_slow_consumers_total',
      help: '/collab connections closed with 4509 because they read too slowly.',
      registers: [registry],
    }),
  };
}
