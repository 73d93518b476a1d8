/** Invoices and their payments; money in integer minor units. */

import { parseOrThrow } from '../contracts/issues.js';
import { type Invoice, InvoiceInput, InvoicePatch, PaymentInput } from '../contracts/records.js';
import { DomainError } from '../core/errors.js';
import { found, isId, newRow, requireClient, requireWorkspace } from './context.js';
import type { Deps, Repos } from './ports.js';
import { isUniqueViolation } from './unique.js';

type StoreDeps = Pick<Deps, 'store' | 'clock' | 'ids'>;

function duplicateNumber(number: string): DomainError {
  return new DomainError('DUPLICATE_INVOICE', `This client already has an invoice numbered "${number}".`, {
    issues: [{ path: 'number', message: 'is already used by another invoice of this client' }],
  });
}

async function requireInvoice(tx: Repos, workspaceId: string, invoiceId: string): Promise<Invoice> {
  return found(isId(invoiceId) ? await tx.getInvoice(workspaceId, invoiceId) : undefined, 'INVOICE_NOT_FOUND', 'invoice', invoiceId);
}

/** Adds an invoice with any payments already received, in one transaction. */
export async function addInvoice(deps: StoreDeps, workspaceId: string, clientId: string, input: unknown): Promise<Invoice> {
  const { payments, ...data } = parseOrThrow(InvoiceInput, input, 'VALIDATION_FAILED', 'invoice');
  try {
    return await deps.store.transaction(async (tx) => {
      const workspace = await requireWorkspace(tx, workspaceId);
      await requireClient(tx, workspaceId, clientId);
      const invoice = await tx.insertInvoice(workspaceId, clientId, newRow(deps), {
        ...data,
        currency: data.currency ?? workspace.currency,
      });
      for (const payment of payments) await tx.insertPayment(workspaceId, invoice.id, newRow(deps), payment);

      return payments.length === 0 ? invoice : (await tx.getInvoice(workspaceId, invoice.id))!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateNumber(data.number);
    throw error;
  }
}

export async function updateInvoice(
  deps: Pick<Deps, 'store' | 'clock'>,
  workspaceId: string,
  invoiceId: string,
  input: unknown,
): Promise<Invoice> {
  const patch = parseOrThrow(InvoicePatch, input, 'VALIDATION_FAILED', 'invoice');
  try {
    return await deps.store.transaction(async (tx) => {
      const current = await requireInvoice(tx, workspaceId, invoiceId);
      const issued = patch.issued ?? current.issued;
      const due = patch.due ?? current.due;
      if (due < issued) {
        throw new DomainError('VALIDATION_FAILED', 'Invalid invoice: due: must not be before the issue date', {
          issues: [{ path: 'due', message: 'must not be before the issue date' }],
        });
      }
      const amount = patch.amount_minor ?? current.amount_minor;
      if (amount < current.paid_minor) {
        throw new DomainError('PAYMENT_EXCEEDS_INVOICE', `The invoice has ${current.paid_minor} paid already; its amount cannot be less.`, {
          issues: [{ path: 'amount_minor', message: `must be at least the ${current.paid_minor} already paid` }],
        });
      }

      return (await tx.updateInvoice(workspaceId, invoiceId, patch, deps.clock.now().toISOString()))!;
    });
  } catch (error) {
    if (isUniqueViolation(error) && patch.number !== undefined) throw duplicateNumber(patch.number);
    throw error;
  }
}

export async function deleteInvoice(deps: Pick<Deps, 'store'>, workspaceId: string, invoiceId: string): Promise<void> {
  found(isId(invoiceId) && (await deps.store.deleteInvoice(workspaceId, invoiceId)), 'INVOICE_NOT_FOUND', 'invoice', invoiceId);
}

/** Records a payment; refuses one that would make the invoice paid more than its amount. */
export async function recordPayment(deps: StoreDeps, workspaceId: string, invoiceId: string, input: unknown): Promise<Invoice> {
  const data = parseOrThrow(PaymentInput, input, 'VALIDATION_FAILED', 'payment');

  return deps.store.transaction(async (tx) => {
    const invoice = await requireInvoice(tx, workspaceId, invoiceId);
    if (data.amount_minor > invoice.outstanding_minor) {
      throw new DomainError(
        'PAYMENT_EXCEEDS_INVOICE',
        `The payment is more than the ${invoice.outstanding_minor} outstanding on invoice ${invoice.number}.`,
        {
          issues: [{ path: 'amount_minor', message: `must be at most the ${invoice.outstanding_minor} outstanding` }],
        },
      );
    }
    await tx.insertPayment(workspaceId, invoiceId, newRow(deps), data);

    return (await tx.getInvoice(workspaceId, invoiceId))!;
  });
}

export async function deletePayment(deps: Pick<Deps, 'store'>, workspaceId: string, paymentId: string): Promise<void> {
  found(isId(paymentId) && (await deps.store.deletePayment(workspaceId, paymentId)), 'PAYMENT_NOT_FOUND', 'payment', paymentId);
}
