import { Command, Option } from 'commander';
import { addClient, getClientDetail, listClients, resolveClient } from '../../app/clients.js';
import type { ClientDetail } from '../../contracts/records.js';
import { formatMoney } from '../../core/money/money.js';
import { CLIENT_KINDS, CLIENT_SIZES, CLIENT_STATUSES, LANGUAGES } from '../../core/vocabulary.js';
import { type Io, printJson, type StoreOptions, storeOptions, table, withWorkspace } from '../io.js';

export function clientCommand(io: Io): Command {
  const client = new Command('client').description('add, list and show clients');

  storeOptions(
    client
      .command('add')
      .description('add a client')
      .argument('<name>', "the client's name")
      .addOption(new Option('--kind <kind>', 'individual or business').choices(CLIENT_KINDS).default('business'))
      .addOption(
        new Option('--size <size>', 'small or large (a large business means lawyer advice, C2)').choices(CLIENT_SIZES).default('small'),
      )
      .addOption(new Option('--language <lang>', "the client's language").choices(LANGUAGES).default('en'))
      .option('--since <date>', 'client since, YYYY-MM-DD')
      .option('--manager <name>', 'the team member who manages the client')
      .option('--email <address>', "the client's email"),
  ).action(
    async (
      name: string,
      options: StoreOptions & { kind: string; size: string; language: string; since?: string; manager?: string; email?: string },
    ) => {
      await withWorkspace(io, options, async (deps, workspace) => {
        const created = await addClient(deps, workspace.id, {
          name,
          kind: options.kind,
          size: options.size,
          language: options.language,
          since: options.since ?? null,
          manager: options.manager ?? null,
          email: options.email ?? null,
        });
        if (options.json) printJson(io, created);
        else io.out(`Added client "${created.name}" (${created.id}) to ${workspace.name}.\n`);
      });
    },
  );

  storeOptions(
    client
      .command('list')
      .description('list clients')
      .option('-q, --search <text>', 'only clients whose name contains this')
      .addOption(new Option('--status <status>', 'only clients with this status').choices(CLIENT_STATUSES)),
  ).action(async (options: StoreOptions & { search?: string; status?: string }) => {
    await withWorkspace(io, options, async (deps, workspace) => {
      const rows = await listClients(deps, workspace.id, {
        ...(options.search ? { q: options.search } : {}),
        ...(options.status ? { status: options.status } : {}),
      });
      if (options.json) return printJson(io, rows);
      if (rows.length === 0) {
        io.out(
          `No clients in ${workspace.name}${options.search || options.status ? ' match' : ' yet'}. Add one with: redcard client add "Name"\n`,
        );

        return;
      }
      io.out(
        table([
          ['NAME', 'STATUS', 'LANG', 'INCIDENTS', 'SERIOUS', 'CARDS', 'OWED', 'ID'],
          ...rows.map((c) => [
            c.name,
            c.status,
            c.language,
            String(c.open_incidents),
            String(c.serious_incidents),
            `${c.cards_yellow}Y ${c.cards_red}R`,
            formatMoney(c.owed_minor, workspace.currency),
            c.id,
          ]),
        ]),
      );
    });
  });

  storeOptions(
    client.command('show').description("show a client's whole record").argument('<client>', 'name (or part of it) or id'),
  ).action(async (ref: string, options: StoreOptions) => {
    await withWorkspace(io, options, async (deps, workspace) => {
      const found = await resolveClient(deps, workspace.id, ref);
      const detail = await getClientDetail(deps, workspace.id, found.id);
      if (options.json) printJson(io, detail);
      else io.out(describeClient(detail, workspace.currency));
    });
  });

  return client;
}

function describeClient(d: ClientDetail, currency: string): string {
  const c = d.client;
  const lines = [
    `${c.name}  [${c.status}]`,
    `  ${c.kind}, ${c.size}, language ${c.language}${c.since ? `, client since ${c.since}` : ''}${c.manager ? `, managed by ${c.manager}` : ''}`,
    `  id ${c.id}`,
    '',
  ];
  if (d.contract) {
    const k = d.contract;
    const may = k.provider_may_terminate === null ? 'unknown' : k.provider_may_terminate ? 'yes' : 'no';
    lines.push(
      `Contract: signed ${k.signed ?? '?'}${k.ends ? `, ends ${k.ends}` : ''}; you may terminate: ${may}; notice: ${k.notice ? `${k.notice.amount} ${k.notice.unit}` : 'none'}; penalty: ${k.penalty ? formatMoney(k.penalty.amount_minor, currency) : 'none'}; refund clause: ${k.refund_clause ? 'yes' : 'no'}`,
    );
  } else lines.push('Contract: none recorded');
  for (const e of d.engagements) {
    lines.push(`Engagement: ${e.name} (${e.kind}, ${formatMoney(e.price_minor, currency)})`);
    for (const x of e.deliverables) lines.push(`  - ${x.done ? '[x]' : '[ ]'} ${x.name}${x.due ? ` due ${x.due}` : ''} ${x.percent_done}%`);
  }
  const owed = d.invoices.reduce((s, i) => s + i.outstanding_minor, 0);
  lines.push(`Invoices: ${d.invoices.length}, outstanding ${formatMoney(owed, currency)}`);
  for (const i of d.invoices)
    lines.push(
      `  ${i.number}  issued ${i.issued}  due ${i.due}  ${formatMoney(i.amount_minor, i.currency)}  paid ${formatMoney(i.paid_minor, i.currency)}`,
    );
  lines.push(`Incidents: ${d.incidents.length}`);
  for (const i of d.incidents) {
    lines.push(`  ${i.date}  ${i.code} (severity ${i.severity})${i.about_member ? ` involving ${i.about_member}` : ''}: ${i.note}`);
    for (const ev of i.evidence) lines.push(`    evidence #${ev.seq}: ${ev.file_name} sha256 ${ev.file_sha256.slice(0, 16)}...`);
  }
  lines.push(`Cards: ${d.cards.map((x) => `${x.color} on ${x.date}`).join(', ') || 'none'}`);
  lines.push(`Messages: ${d.messages.length}; time recorded: ${d.time.reduce((s, t) => s + t.hours, 0)} h over ${d.time.length} month(s)`);

  return `${lines.join('\n')}\n`;
}
