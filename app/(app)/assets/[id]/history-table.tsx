import type { AssignmentEntry, PersonRef } from '@/lib/assets/history';
import { formatDateTime } from '@/lib/format';

const nameOf = (person: PersonRef) => (person ? person.displayName : 'a removed user');

export function AssetHistoryTable({ history }: { history: AssignmentEntry[] }) {
  if (history.length === 0) return <p className="empty">Never checked out.</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Checked out to</th>
            <th scope="col">Checked out</th>
            <th scope="col">By</th>
            <th scope="col">Expected return</th>
            <th scope="col">Returned</th>
            <th scope="col">Checked in by</th>
            <th scope="col">Notes</th>
          </tr>
        </thead>
        <tbody>
          {history.map((entry) => (
            <tr key={entry.id}>
              <td>{nameOf(entry.user)}</td>
              <td>{formatDateTime(entry.checkedOutAt)}</td>
              <td>{nameOf(entry.checkedOutBy)}</td>
              <td>{entry.expectedReturn ?? '—'}</td>
              <td>{entry.checkedInAt ? formatDateTime(entry.checkedInAt) : <span className="badge blue">Still out</span>}</td>
              <td>{entry.checkedInAt ? nameOf(entry.checkedInBy) : '—'}</td>
              <td>{entry.notes ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
