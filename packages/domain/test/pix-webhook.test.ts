import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePixWebhook, PIX_WEBHOOK_MAX_PIX } from '../src/index.js';

const examples: unknown = JSON.parse(
  readFileSync(new URL('./fixtures/api-pix-webhook-examples.json', import.meta.url), 'utf8'),
);

type Json = Record<string, unknown>;

/** Returns a deep copy of the Central Bank example that a test may change. */
function example(): { pix: Json[] } {
  return structuredClone(examples) as { pix: Json[] };
}

function firstRefund(body: { pix: Json[] }): Json {
  return (body.pix[0]!.devolucoes as Json[])[0]!;
}

function validPix(endToEndId: string, valor = '1.00'): Json {
  return { endToEndId, valor, horario: '2026-12-04T20:00:00Z' };
}

describe('parsePixWebhook with the Central Bank examples', () => {
  it('parses the fixture', () => {
    const result = parsePixWebhook(examples);
    expect(result).toEqual({
      ok: true,
      value: {
        pix: [
          {
            endToEndId: 'E12345678202009091221kkkkkkkkkkk',
            txid: 'c3e0e7a4e7f1469a9f782d3d4999343c',
            valor: '110.00',
            amount: 11000,
            horario: '2020-09-09T20:15:00.358Z',
            infoPagador: '0123456789',
            devolucoes: [
              {
                id: '123ABC',
                rtrId: 'D12345678202009091221abcdf098765',
                valor: '10.00',
                amount: 1000,
                horario: { solicitacao: '2020-09-09T20:15:00.358Z' },
                status: 'EM_PROCESSAMENTO',
              },
            ],
          },
          {
            endToEndId: 'E87654321202009091221dfghi123456',
            txid: '971122d8f37211eaadc10242ac120002',
            valor: '110.00',
            amount: 11000,
            horario: '2020-09-09T20:15:00.358Z',
            infoPagador: '0123456789',
            devolucoes: [],
          },
        ],
      },
    });
  });

  it('tolerates unknown properties and drops them', () => {
    const body = example() as Json & { pix: Json[] };
    body.provider = 'acme';
    body.pix[0]!.gnExtras = { tarifa: '0.01' };
    firstRefund(body).extra = true;
    const result = parsePixWebhook(body);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value).not.toHaveProperty('provider');
      expect(result.value.pix[0]).not.toHaveProperty('gnExtras');
      expect(result.value.pix[0]!.devolucoes[0]).not.toHaveProperty('extra');
    }
  });

  it('accepts optional fields when valid', () => {
    const body = example();
    body.pix[1]!.chave = 'a'.repeat(77);
    body.pix[1]!.componentesValor = { original: { valor: '110.00' } };
    body.pix[1]!.horario = '2026-12-04T17:00:00-03:00';
    Object.assign(firstRefund(body), {
      status: 'DEVOLVIDO',
      motivo: 'Devolução a pedido do pagador',
      natureza: 'ORIGINAL',
      horario: { solicitacao: '2020-09-09T20:15:00.358Z', liquidacao: '2020-09-09T20:15:01Z' },
    });
    const result = parsePixWebhook(body);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.pix[0]!.devolucoes[0]).toMatchObject({
        status: 'DEVOLVIDO',
        motivo: 'Devolução a pedido do pagador',
        natureza: 'ORIGINAL',
        horario: { solicitacao: '2020-09-09T20:15:00.358Z', liquidacao: '2020-09-09T20:15:01Z' },
      });
    }
  });

  it('reads null optional fields as absent', () => {
    const body = example();
    body.pix[1]!.txid = null;
    body.pix[1]!.infoPagador = null;
    body.pix[1]!.devolucoes = null;
    const result = parsePixWebhook(body);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.pix[1]).not.toHaveProperty('txid');
      expect(result.value.pix[1]).not.toHaveProperty('infoPagador');
      expect(result.value.pix[1]!.devolucoes).toEqual([]);
    }
  });

  it('keeps identical repeats of one Pix', () => {
    const body = example();
    body.pix.push(structuredClone(body.pix[1]!));
    const result = parsePixWebhook(body);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.pix).toHaveLength(3);
    }
  });

  it('allows refunds up to the Pix valor', () => {
    const body = example();
    firstRefund(body).valor = '110.00';
    expect(parsePixWebhook(body).ok).toBe(true);
  });

  it('leaves a NAO_REALIZADO refund out of the refund total', () => {
    const body = example();
    const refunds = body.pix[0]!.devolucoes as Json[];
    Object.assign(refunds[0]!, { valor: '110.00', status: 'NAO_REALIZADO' });
    refunds.push({ ...refunds[0]!, id: 'retry1', status: 'DEVOLVIDO' });
    expect(parsePixWebhook(body).ok).toBe(true);
  });

  it('accepts the maximum number of Pix', () => {
    const pix = Array.from({ length: PIX_WEBHOOK_MAX_PIX }, (_, index) =>
      validPix(`E${index.toString().padStart(31, '0')}`),
    );
    expect(parsePixWebhook({ pix }).ok).toBe(true);
  });
});

interface MalformedCase {
  name: string;
  mutate: (body: { pix: Json[] }) => unknown;
  field: string;
  message: string;
}

const malformed: MalformedCase[] = [
  {
    name: 'valor with a decimal comma',
    mutate: (body) => { body.pix[0]!.valor = '110,00'; },
    field: 'pix[0].valor',
    message: 'pix[0].valor must be a decimal string with two places, like "110.00"; got "110,00"',
  },
  {
    name: 'valor as a number',
    mutate: (body) => { body.pix[1]!.valor = 110; },
    field: 'pix[1].valor',
    message: 'got 110',
  },
  {
    name: 'valor of zero',
    mutate: (body) => { body.pix[1]!.valor = '0.00'; },
    field: 'pix[1].valor',
    message: 'pix[1].valor must be greater than zero; got "0.00"',
  },
  {
    name: 'missing valor',
    mutate: (body) => { delete body.pix[1]!.valor; },
    field: 'pix[1].valor',
    message: 'pix[1].valor is missing',
  },
  {
    name: 'endToEndId of 31 characters',
    mutate: (body) => { body.pix[0]!.endToEndId = 'E12345678202009091221kkkkkkkkkk'; },
    field: 'pix[0].endToEndId',
    message: 'pix[0].endToEndId must be exactly 32 ASCII letters and digits; got "E12345678202009091221kkkkkkkkkk"',
  },
  {
    name: 'endToEndId with a dash',
    mutate: (body) => { body.pix[0]!.endToEndId = 'E12345678-02009091221kkkkkkkkkkk'; },
    field: 'pix[0].endToEndId',
    message: 'got "E12345678-02009091221kkkkkkkkkkk"',
  },
  {
    name: 'endToEndId with a non-ASCII letter',
    mutate: (body) => { body.pix[0]!.endToEndId = 'É12345678202009091221kkkkkkkkkkk'; },
    field: 'pix[0].endToEndId',
    message: 'must be exactly 32 ASCII letters and digits',
  },
  {
    name: 'missing endToEndId',
    mutate: (body) => { delete body.pix[1]!.endToEndId; },
    field: 'pix[1].endToEndId',
    message: 'pix[1].endToEndId is missing',
  },
  {
    name: 'txid of 36 characters',
    mutate: (body) => { body.pix[1]!.txid = 'a'.repeat(36); },
    field: 'pix[1].txid',
    message: 'pix[1].txid must be 1 to 35 ASCII letters and digits',
  },
  {
    name: 'empty txid',
    mutate: (body) => { body.pix[1]!.txid = ''; },
    field: 'pix[1].txid',
    message: 'got ""',
  },
  {
    name: 'missing horario',
    mutate: (body) => { delete body.pix[0]!.horario; },
    field: 'pix[0].horario',
    message: 'pix[0].horario is missing: send an RFC 3339 date-time',
  },
  {
    name: 'horario without an offset',
    mutate: (body) => { body.pix[0]!.horario = '2020-09-09T20:15:00'; },
    field: 'pix[0].horario',
    message: 'pix[0].horario must be an RFC 3339 date-time with an offset, like "2020-09-09T20:15:00.358Z"; got "2020-09-09T20:15:00"',
  },
  {
    name: 'horario on 30 February',
    mutate: (body) => { body.pix[0]!.horario = '2020-02-30T20:15:00Z'; },
    field: 'pix[0].horario',
    message: 'got "2020-02-30T20:15:00Z"',
  },
  {
    name: 'horario in pt-BR form',
    mutate: (body) => { body.pix[0]!.horario = '09/09/2020 20:15'; },
    field: 'pix[0].horario',
    message: 'got "09/09/2020 20:15"',
  },
  {
    name: 'infoPagador over 140 characters',
    mutate: (body) => { body.pix[0]!.infoPagador = 'x'.repeat(141); },
    field: 'pix[0].infoPagador',
    message: 'pix[0].infoPagador must be a string of at most 140 characters; got 141 characters',
  },
  {
    name: 'chave over 77 characters',
    mutate: (body) => { body.pix[0]!.chave = 'x'.repeat(78); },
    field: 'pix[0].chave',
    message: 'at most 77 characters',
  },
  {
    name: 'componentesValor as a string',
    mutate: (body) => { body.pix[0]!.componentesValor = '110.00'; },
    field: 'pix[0].componentesValor',
    message: 'pix[0].componentesValor must be an object; got "110.00"',
  },
  {
    name: 'missing pix',
    mutate: () => ({ webhook: [] }),
    field: 'pix',
    message: 'pix is missing',
  },
  {
    name: 'empty pix',
    mutate: () => ({ pix: [] }),
    field: 'pix',
    message: 'pix must list at least one Pix; got an empty array',
  },
  {
    name: 'pix as an object',
    mutate: (body) => ({ pix: body.pix[0] }),
    field: 'pix',
    message: 'pix must be an array of Pix; got an object',
  },
  {
    name: 'pix over the maximum',
    mutate: () => ({ pix: Array.from({ length: PIX_WEBHOOK_MAX_PIX + 1 }, () => validPix('E'.repeat(32))) }),
    field: 'pix',
    message: `pix lists ${PIX_WEBHOOK_MAX_PIX + 1} Pix; at most ${PIX_WEBHOOK_MAX_PIX}`,
  },
  {
    name: 'pix entry that is a string',
    mutate: (body) => { body.pix[1] = 'E87654321202009091221dfghi123456' as unknown as Json; },
    field: 'pix[1]',
    message: 'pix[1] must be an object describing one Pix',
  },
  {
    name: 'non-object body',
    mutate: () => '{"pix": []}',
    field: 'body',
    message: 'body must be a JSON object like {"pix": [...]}; got "{\\"pix\\": []}"',
  },
  {
    name: 'null body',
    mutate: () => null,
    field: 'body',
    message: 'got null',
  },
  {
    name: 'array body',
    mutate: (body) => body.pix,
    field: 'body',
    message: 'got an array of 2',
  },
  {
    name: 'pix inherited from the prototype',
    mutate: (body) => Object.create({ pix: body.pix }) as unknown,
    field: 'pix',
    message: 'pix is missing',
  },
  {
    name: 'same endToEndId with another valor',
    mutate: (body) => { body.pix.push({ ...body.pix[1]!, valor: '111.00' }); },
    field: 'pix[2].endToEndId',
    message: 'pix[2].endToEndId "E87654321202009091221dfghi123456" appears twice with different valor or txid',
  },
  {
    name: 'same endToEndId with another txid',
    mutate: (body) => { body.pix.push({ ...body.pix[1]!, txid: 'other' }); },
    field: 'pix[2].endToEndId',
    message: 'appears twice',
  },
  {
    name: 'devolucoes as an object',
    mutate: (body) => { body.pix[0]!.devolucoes = firstRefund(body); },
    field: 'pix[0].devolucoes',
    message: 'pix[0].devolucoes must be an array of refunds; got an object',
  },
  {
    name: 'refund that is a number',
    mutate: (body) => { body.pix[0]!.devolucoes = [10]; },
    field: 'pix[0].devolucoes[0]',
    message: 'must be an object describing one refund; got 10',
  },
  {
    name: 'refund status not in the list',
    mutate: (body) => { firstRefund(body).status = 'CONCLUIDO'; },
    field: 'pix[0].devolucoes[0].status',
    message: 'pix[0].devolucoes[0].status must be one of EM_PROCESSAMENTO, DEVOLVIDO, NAO_REALIZADO; got "CONCLUIDO"',
  },
  {
    name: 'missing refund status',
    mutate: (body) => { delete firstRefund(body).status; },
    field: 'pix[0].devolucoes[0].status',
    message: 'pix[0].devolucoes[0].status is missing: send one of EM_PROCESSAMENTO, DEVOLVIDO, NAO_REALIZADO',
  },
  {
    name: 'refund valor with one decimal',
    mutate: (body) => { firstRefund(body).valor = '1.5'; },
    field: 'pix[0].devolucoes[0].valor',
    message: 'pix[0].devolucoes[0].valor must be a decimal string with two places, like "110.00"; got "1.5"',
  },
  {
    name: 'refund valor of zero',
    mutate: (body) => { firstRefund(body).valor = '0.00'; },
    field: 'pix[0].devolucoes[0].valor',
    message: 'must be greater than zero',
  },
  {
    name: 'refund id with a dash',
    mutate: (body) => { firstRefund(body).id = '123-ABC'; },
    field: 'pix[0].devolucoes[0].id',
    message: 'pix[0].devolucoes[0].id must be 1 to 35 ASCII letters and digits; got "123-ABC"',
  },
  {
    name: 'missing refund id',
    mutate: (body) => { delete firstRefund(body).id; },
    field: 'pix[0].devolucoes[0].id',
    message: 'is missing',
  },
  {
    name: 'rtrId of 33 characters',
    mutate: (body) => { firstRefund(body).rtrId = 'D12345678202009091221abcdf0987651'; },
    field: 'pix[0].devolucoes[0].rtrId',
    message: 'must be exactly 32 ASCII letters and digits',
  },
  {
    name: 'refund horario as a string',
    mutate: (body) => { firstRefund(body).horario = '2020-09-09T20:15:00.358Z'; },
    field: 'pix[0].devolucoes[0].horario',
    message: 'pix[0].devolucoes[0].horario must be an object with "solicitacao"',
  },
  {
    name: 'missing refund horario.solicitacao',
    mutate: (body) => { firstRefund(body).horario = {}; },
    field: 'pix[0].devolucoes[0].horario.solicitacao',
    message: 'pix[0].devolucoes[0].horario.solicitacao is missing',
  },
  {
    name: 'bad refund horario.liquidacao',
    mutate: (body) => {
      firstRefund(body).horario = { solicitacao: '2020-09-09T20:15:00.358Z', liquidacao: '2020-09-09 20:15' };
    },
    field: 'pix[0].devolucoes[0].horario.liquidacao',
    message: 'got "2020-09-09 20:15"',
  },
  {
    name: 'refund natureza not in the list',
    mutate: (body) => { firstRefund(body).natureza = 'FRAUDE'; },
    field: 'pix[0].devolucoes[0].natureza',
    message: 'must be one of ORIGINAL, RETIRADA, MED_OPERACIONAL, MED_FRAUDE; got "FRAUDE"',
  },
  {
    name: 'refund motivo over 140 characters',
    mutate: (body) => { firstRefund(body).motivo = 'm'.repeat(141); },
    field: 'pix[0].devolucoes[0].motivo',
    message: 'at most 140 characters',
  },
  {
    name: 'refund above the Pix valor',
    mutate: (body) => { firstRefund(body).valor = '110.01'; },
    field: 'pix[0].devolucoes',
    message: 'pix[0].devolucoes refunds total 110.01, more than the Pix valor 110.00',
  },
  {
    name: 'refunds adding up above the Pix valor',
    mutate: (body) => {
      const refunds = body.pix[0]!.devolucoes as Json[];
      refunds[0]!.valor = '60.00';
      refunds.push({ ...refunds[0]!, id: 'second', status: 'DEVOLVIDO' });
    },
    field: 'pix[0].devolucoes',
    message: 'refunds total 120.00',
  },
  {
    name: 'same refund id with another valor',
    mutate: (body) => {
      const refunds = body.pix[0]!.devolucoes as Json[];
      refunds.push({ ...refunds[0]!, valor: '11.00' });
    },
    field: 'pix[0].devolucoes[1].id',
    message: 'pix[0].devolucoes[1].id "123ABC" appears twice with different rtrId or valor',
  },
];

describe('parsePixWebhook rejects malformed bodies', () => {
  it.each(malformed)('$name', ({ mutate, field, message }) => {
    const body = example();
    const replaced = mutate(body);
    const result = parsePixWebhook(replaced === undefined ? body : replaced);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.field).toBe(field);
      expect(result.message).toContain(message);
    }
  });

  it('names the first bad field when several are bad', () => {
    const body = example();
    body.pix[1]!.valor = '1,00';
    body.pix[0]!.horario = 'yesterday';
    const result = parsePixWebhook(body);
    expect(result).toMatchObject({ ok: false, field: 'pix[0].horario' });
  });

  it('does not change the input body', () => {
    const body = example();
    const before = structuredClone(body);
    parsePixWebhook(body);
    expect(body).toEqual(before);
  });
});
