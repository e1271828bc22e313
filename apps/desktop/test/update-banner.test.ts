import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UpdateBannerView } from '../src/renderer/components/UpdateBanner';
import updateEn from '../src/renderer/i18n/update.en.json';
import updatePtBR from '../src/renderer/i18n/update.pt-BR.json';
import { formatBytes, formatPercent, updateBannerModel } from '../src/renderer/lib/update-banner';
import { desktopUpdates } from '../src/renderer/platform/updates';
import type { LastroBridge } from '../src/preload/bridge';
import type { UpdateState } from '../src/main/update/update-state';
import {
  dismissUpdateError,
  followUpdates,
  INITIAL_UPDATE_UI,
  installUpdate,
  postponeUpdate,
  useUpdateStore,
  type UpdateUiState,
} from '../src/renderer/state/update';

/**
 * Stand-in for the Electron main process behind `window.lastro`, which needs the Electron binary
 * that cannot run here. It keeps the update state, records install calls and sends events.
 */
function fakeBridge(options: { state?: unknown; installError?: Error } = {}) {
  const listeners = new Set<(payload: unknown) => void>();
  let installs = 0;
  const bridge = {
    getUpdateState: async () => options.state ?? { status: 'idle' },
    onUpdateState: (listener: (payload: unknown) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    installUpdate: async () => {
      installs += 1;
      if (options.installError !== undefined) throw options.installError;
    },
  };
  return {
    bridge: bridge as unknown as LastroBridge,
    send: (payload: unknown) => listeners.forEach((listener) => listener(payload)),
    listenerCount: () => listeners.size,
    installs: () => installs,
  };
}

const ready: UpdateState = { status: 'ready', version: '0.2.0' };
const downloading: UpdateState = {
  status: 'downloading',
  version: '0.2.0',
  percent: 45.8,
  transferredBytes: 36_640_000,
  totalBytes: 80_000_000,
  bytesPerSecond: 1_200_000,
};

function ui(overrides: Partial<UpdateUiState>): UpdateUiState {
  return { ...INITIAL_UPDATE_UI, ...overrides };
}

afterEach(() => {
  useUpdateStore.setState(INITIAL_UPDATE_UI, true);
});

describe('desktopUpdates', () => {
  it('is null in the web terminal', () => {
    expect(desktopUpdates(undefined)).toBeNull();
  });

  it('is null when the main process lacks the update calls', () => {
    const bridge = { getConfig: async () => ({}) } as unknown as LastroBridge;
    expect(desktopUpdates(bridge)).toBeNull();
  });

  it('forwards only valid states', () => {
    const fake = fakeBridge();
    const desktop = desktopUpdates(fake.bridge);
    const received: UpdateState[] = [];
    const stop = desktop?.onState((state) => received.push(state));
    fake.send({ status: 'ready' });
    fake.send({ status: 'installing', version: '0.2.0' });
    fake.send(ready);
    stop?.();
    fake.send({ status: 'idle' });
    expect(received).toEqual([ready]);
  });

  it('reads an invalid initial state as idle', async () => {
    const desktop = desktopUpdates(fakeBridge({ state: { status: 'ready', version: '../../evil' } }).bridge);
    await expect(desktop?.getState()).resolves.toEqual({ status: 'idle' });
  });
});

describe('update store', () => {
  it('follows the initial state and later events', async () => {
    const fake = fakeBridge({ state: downloading });
    const desktop = desktopUpdates(fake.bridge);
    if (desktop === null) throw new Error('desktopUpdates returned null for a complete bridge');
    const stop = followUpdates(desktop);
    await Promise.resolve();
    await Promise.resolve();
    expect(useUpdateStore.getState().update).toEqual(downloading);
    fake.send(ready);
    expect(useUpdateStore.getState().update).toEqual(ready);
    stop();
    expect(fake.listenerCount()).toBe(0);
  });

  it('prefers an event over a late initial answer', async () => {
    const fake = fakeBridge({ state: downloading });
    const desktop = desktopUpdates(fake.bridge);
    if (desktop === null) throw new Error('desktopUpdates returned null for a complete bridge');
    const stop = followUpdates(desktop);
    fake.send(ready);
    await Promise.resolve();
    await Promise.resolve();
    expect(useUpdateStore.getState().update).toEqual(ready);
    stop();
  });

  it('installs through the bridge', async () => {
    const fake = fakeBridge();
    const desktop = desktopUpdates(fake.bridge);
    if (desktop === null) throw new Error('desktopUpdates returned null for a complete bridge');
    useUpdateStore.setState({ update: ready });
    await installUpdate(desktop);
    expect(fake.installs()).toBe(1);
    expect(useUpdateStore.getState().installing).toBe(true);
    expect(useUpdateStore.getState().installError).toBeNull();
  });

  it('keeps running after a failed install call', async () => {
    const fake = fakeBridge({ installError: new Error('no downloaded update to install: the update state is idle') });
    const desktop = desktopUpdates(fake.bridge);
    if (desktop === null) throw new Error('desktopUpdates returned null for a complete bridge');
    useUpdateStore.setState({ update: ready });
    await installUpdate(desktop);
    expect(useUpdateStore.getState().installing).toBe(false);
    expect(updateBannerModel(useUpdateStore.getState())).toEqual({ kind: 'error' });
    dismissUpdateError();
    expect(updateBannerModel(useUpdateStore.getState())).toEqual({ kind: 'ready', version: '0.2.0', installing: false });
  });

  it('hides the prompt after Depois until a newer version', () => {
    useUpdateStore.setState({ update: ready });
    postponeUpdate();
    expect(updateBannerModel(useUpdateStore.getState())).toBeNull();
    useUpdateStore.setState({ update: { status: 'ready', version: '0.3.0' } });
    expect(updateBannerModel(useUpdateStore.getState())).toEqual({ kind: 'ready', version: '0.3.0', installing: false });
  });

  it('hides a closed error until a different one', () => {
    useUpdateStore.setState({ update: { status: 'error', message: 'offline' } });
    dismissUpdateError();
    expect(updateBannerModel(useUpdateStore.getState())).toBeNull();
    useUpdateStore.setState({ update: { status: 'error', message: 'sha512 checksum mismatch' } });
    expect(updateBannerModel(useUpdateStore.getState())).toEqual({ kind: 'error' });
  });
});

describe('updateBannerModel', () => {
  it.each([
    [{ status: 'idle' }, null],
    [{ status: 'checking' }, null],
    [{ status: 'available', version: '0.2.0' }, { kind: 'available', version: '0.2.0' }],
    [downloading, { kind: 'downloading', version: '0.2.0', percent: 45, transferredBytes: 36_640_000, totalBytes: 80_000_000 }],
    [ready, { kind: 'ready', version: '0.2.0', installing: false }],
    [{ status: 'error', message: 'offline' }, { kind: 'error' }],
  ] satisfies [UpdateState, unknown][])('maps %j', (update, expected) => {
    expect(updateBannerModel(ui({ update }))).toEqual(expected);
  });

  it('shows 99% until the last byte', () => {
    const model = updateBannerModel(ui({ update: { ...downloading, percent: 99.97 } }));
    expect(model).toMatchObject({ percent: 99 });
  });
});

describe('formatBytes', () => {
  it.each([
    [0, 'pt-BR', '0 B'],
    [999, 'pt-BR', '999 B'],
    [1500, 'pt-BR', '1,5 kB'],
    [36_640_000, 'pt-BR', '36,6 MB'],
    [36_640_000, 'en', '36.6 MB'],
    [1_250_000_000, 'en', '1.3 GB'],
  ])('formats %d bytes in %s', (bytes, language, expected) => {
    expect(formatBytes(bytes, language)).toBe(expected);
  });

  it('formats percentages', () => {
    expect(formatPercent(45, 'pt-BR')).toBe('45%');
    expect(formatPercent(100, 'en')).toBe('100%');
  });
});

describe('UpdateBannerView', () => {
  const i18n = i18next.createInstance();

  beforeAll(async () => {
    await i18n.use(initReactI18next).init({
      resources: { 'pt-BR': { translation: { update: updatePtBR } }, en: { translation: { update: updateEn } } },
      lng: 'pt-BR',
      fallbackLng: 'pt-BR',
      interpolation: { escapeValue: false },
    });
  });

  async function render(state: Partial<UpdateUiState>, language = 'pt-BR'): Promise<string> {
    await i18n.changeLanguage(language);
    const view = createElement(UpdateBannerView, {
      ui: ui(state),
      onInstall: () => undefined,
      onPostpone: () => undefined,
      onDismissError: () => undefined,
    });
    return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, view));
  }

  it('renders nothing while idle', async () => {
    expect(await render({})).toBe('');
  });

  it('shows the download progress in pt-BR', async () => {
    const html = await render({ update: downloading });
    expect(html).toContain('Baixando a versão 0.2.0: 45% (36,6 MB de 80,0 MB)');
    expect(html).toContain('value="45"');
  });

  it('asks before restarting', async () => {
    const html = await render({ update: ready });
    expect(html).toContain('A versão 0.2.0 do Lastro está pronta.');
    expect(html).toContain('>Reiniciar agora</button>');
    expect(html).toContain('>Depois</button>');
  });

  it('shows the restart prompt in English', async () => {
    const html = await render({ update: ready }, 'en');
    expect(html).toContain('>Restart now</button>');
    expect(html).toContain('>Later</button>');
  });

  it('disables both choices while restarting', async () => {
    const html = await render({ update: ready, installing: true });
    expect(html).toContain('Reiniciando…');
    expect(html.match(/disabled=""/g)).toHaveLength(2);
  });

  it('shows errors calmly', async () => {
    const html = await render({ update: { status: 'error', message: 'getaddrinfo ENOTFOUND atualizacoes.lastro.com.br' } });
    expect(html).toContain('Não foi possível atualizar o Lastro agora.');
    expect(html).not.toContain('ENOTFOUND');
    expect(html).toContain('role="status"');
  });
});
