import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mentionedNames, renderMarkdown } from '../../lib/markdown';

const staff = new Map([['alice', { username: 'alice', displayName: 'Alice <Admin>' }]]);

describe('renderMarkdown', () => {
  test('renders emphasis, lists and links, with rel on every link', () => {
    const html = renderMarkdown(
      '**bold**\n\n- one\n- two\n\n[docs](https://example.test/a) and mailto:it@example.test',
    );
    assert.match(html, /<strong>bold<\/strong>/);
    assert.match(html, /<ul>\n<li>one<\/li>\n<li>two<\/li>\n<\/ul>/);
    assert.match(html, /<a href="https:\/\/example\.test\/a" rel="noopener noreferrer nofollow">docs<\/a>/);
    assert.match(html, /<a href="mailto:it@example\.test" rel="noopener noreferrer nofollow">/);
  });

  test('keeps raw HTML as text and makes no link of other schemes', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) [y](data:text/html,hi) [z](/relative)',
    );
    assert.ok(!html.includes('<script'));
    assert.ok(!html.includes('<img'));
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(!/href="(?:javascript|data):/i.test(html));
    assert.ok(!html.includes('href="/relative"'));
  });

  test('shows an image as a link to it, never as a picture', () => {
    const html = renderMarkdown('![the error](https://elsewhere.example/p.png) ![x](data:image/png;base64,AAAA)');
    assert.ok(!html.includes('<img'));
    assert.match(
      html,
      /<a href="https:\/\/elsewhere\.example\/p\.png" rel="noopener noreferrer nofollow">the error<\/a>/,
    );
  });

  test('headings sit below the page headings', () => {
    assert.equal(renderMarkdown('# Title').trim(), '<h3>Title</h3>');
  });

  test('an @name of staff is a mention; anything else, an address or code stays text', () => {
    const html = renderMarkdown('Hi @Alice. Ask @bob or bob@example.test, not `@alice`', staff);
    assert.match(html, /<span class="mention" title="Alice &lt;Admin&gt;">@alice<\/span>\./);
    assert.match(html, / @bob or /);
    assert.match(html, /<code>@alice<\/code>/);
    assert.deepEqual(mentionedNames('Hi @Alice. Ask @bob or bob@example.test, not `@alice`'), ['alice', 'bob']);
  });
});
