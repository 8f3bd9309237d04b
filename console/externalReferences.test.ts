import { externalReferences } from './externalReferences';

describe('externalReferences', () => {
  it('finds scripts, styles and fonts an HTML page would load from another origin', () => {
    const html = `<link rel="stylesheet" href="https://cdn.example/graphiql.css"><script src="//unpkg.com/react"></script>
      <style>@import "https://fonts.googleapis.com/css?family=Roboto"; body { background: url(http://img.example/x.png) }</style>
      <script src="/console/app.js"></script><a href="#sources">Sources</a>`;
    expect(externalReferences(html, 'index.html').sort()).toEqual(
      ['//unpkg.com/react', 'http://img.example/x.png', 'https://cdn.example/graphiql.css', 'https://fonts.googleapis.com/css?family=Roboto'].sort(),
    );
  });

  it('accepts same-origin and inline (data:) resources', () => {
    expect(externalReferences('<script src="/explorer/app.js"></script><link href="app.css">', 'index.html')).toEqual([]);
    expect(externalReferences('@font-face{src:url(data:font/woff2;base64,AAAA)} .x{background:url("./a.png")}', 'app.css')).toEqual([]);
  });

  it('in scripts, flags CDN hosts but not documentation links', () => {
    const js = 'const docs="https://github.com/graphql/graphiql";load("https://cdn.jsdelivr.net/npm/monaco-editor/min/vs/loader.js")';
    expect(externalReferences(js, 'app.js')).toEqual(['https://cdn.jsdelivr.net/npm/monaco-editor/min/vs/loader.js']);
  });
});
