import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stripQuotedReply } from '../../lib/mail/incoming/reply-text';

const lines = (...text: string[]) => text.join('\r\n');

test('"On … wrote:" and the quote below it are the old thread', () => {
  assert.equal(
    stripQuotedReply(
      lines(
        'Thanks, fixed.',
        '',
        'On Mon, 1 Dec 2026 at 10:00, Help <help@example.test> wrote:',
        '> Restart it.',
        '>',
        '> On Sun, 30 Nov 2026 at 09:00, Robin <r@example.test> wrote:',
        '>> The printer is stuck.',
      ),
    ),
    'Thanks, fixed.',
  );
});

test('an attribution without a date above a quote is dropped with the quote', () => {
  assert.equal(
    stripQuotedReply(lines('The tray works, thanks!', '', 'On Monday, IT Helpdesk wrote:', '> Try the other tray.')),
    'The tray works, thanks!',
  );
});

test('an answer written below the quote (bottom-posting) is kept', () => {
  assert.equal(
    stripQuotedReply(
      lines(
        'On Mon, 1 Dec 2026 at 10:00, Help <help@example.test> wrote:',
        '> Which floor is the printer on?',
        '',
        'Second floor, by the kitchen.',
        '',
        '-- ',
        'Robin',
      ),
    ),
    'Second floor, by the kitchen.',
  );
});

test('"On … wrote:" not above a quote still ends the new words; a sentence ending in "wrote:" does not', () => {
  assert.equal(
    stripQuotedReply(lines('Done.', 'On Mon, 1 Dec 2026 at 10:00, Help <h@example.test> wrote:', 'Old text')),
    'Done.',
  );
  assert.equal(
    stripQuotedReply(lines('On the whole it works, but she wrote:', 'it crashes on Mondays. Any idea?')),
    'On the whole it works, but she wrote:\nit crashes on Mondays. Any idea?',
  );
});

test('an "On …" header wrapped over two lines is found too', () => {
  assert.equal(
    stripQuotedReply(lines('Done.', 'On Mon, 1 Dec 2026 at 10:00, IT Helpdesk', '<help@example.test> wrote:', '> x')),
    'Done.',
  );
});

test('"> " lines are dropped wherever they are, and the words between them kept', () => {
  assert.equal(
    stripQuotedReply(lines('> Which floor?', 'Second floor.', '> And the model?', 'HP 4250.')),
    'Second floor.\nHP 4250.',
  );
});

test('a signature after "-- " is dropped, and only such a line starts one', () => {
  assert.equal(stripQuotedReply(lines('It works -- thanks!', '', '-- ', 'Robin', 'Accounting')), 'It works -- thanks!');
  assert.equal(stripQuotedReply(lines('Yes', '--', 'Robin')), 'Yes');
});

test('Outlook: "-----Original Message-----" and a From:/Sent: block end the new text', () => {
  assert.equal(
    stripQuotedReply(lines('See below.', '', '-----Original Message-----', 'From: Help', 'Sent: Monday', 'Old text')),
    'See below.',
  );
  assert.equal(
    stripQuotedReply(
      lines(
        'Restarted it.',
        '',
        'From: IT Helpdesk <help@example.test>',
        'Sent: Monday, December 1, 2026 10:00 AM',
        'To: Robin',
        'Subject: [T-1001] Printer',
        '',
        'Old text',
      ),
    ),
    'Restarted it.',
  );
});

test('a "From:" line in the new words, without Sent: or Date: after it, is kept', () => {
  assert.equal(
    stripQuotedReply(lines('From: my desk, the printer looks fine.', 'Bye')),
    'From: my desk, the printer looks fine.\nBye',
  );
});

test('German and French reply headers end the new text too', () => {
  assert.equal(
    stripQuotedReply(lines('Danke', 'Am 01.12.2026 um 10:00 schrieb Help <h@example.test>:', '> x')),
    'Danke',
  );
  assert.equal(
    stripQuotedReply(lines('Merci', 'Le lun. 1 déc. 2026 à 10:00, Help <h@example.test> a écrit :', '> x')),
    'Merci',
  );
});

test('a reply that is only quotes is empty', () => {
  assert.equal(stripQuotedReply(lines('> old', '> older')), '');
});
