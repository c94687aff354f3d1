package org.syncsim.report.html;

/** The frame shared by the pages: head with inline style, and the closing script that marks the page rendered. */
final class Page {
    private Page() {
    }

    static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0 auto;
            max-width:1040px;padding:16px 24px;color:#222;line-height:1.45}
            h1{margin:.2em 0 .1em;font-size:1.7em}h2{margin-top:1.6em;border-bottom:1px solid #ddd;padding-bottom:.2em}
            .desc{color:#444;margin:.2em 0}.meta{color:#666;font-size:.9em;margin:.2em 0}
            ul.findings{list-style:none;padding:0}ul.findings li{padding:.45em .8em;margin:.3em 0;border-radius:4px}
            li.bad{background:#fdecea;border-left:5px solid #c0392b}li.warn{background:#fff6e0;border-left:5px solid #e69f00}
            li.good{background:#e8f6ee;border-left:5px solid #009e73}
            .cards{display:flex;flex-wrap:wrap;gap:12px;margin:1em 0}.card{flex:1 1 150px;border:1px solid #ddd;
            border-radius:6px;padding:.6em .9em}.card .v{font-size:1.8em;font-weight:600}.card .l{color:#555;font-size:.9em}
            .card .ci{color:#777;font-size:.8em}p.headline{font-size:1.1em}
            table{border-collapse:collapse;font-size:.88em;margin:.6em 0}th,td{padding:.25em .6em;border-bottom:1px solid #eee;
            text-align:right}th{background:#f5f5f5;position:sticky;top:0}td.t,th.t{text-align:left}
            tr.bad td{background:#fdecea}th.sortable{cursor:pointer}th.sortable:after{content:" \\2195";color:#aaa}
            figure.chart{margin:1.2em 0}figure.chart img{max-width:100%;height:auto;border:1px solid #eee}
            figcaption{color:#555;font-size:.9em}details{margin:1em 0}pre{background:#f7f7f7;padding:.8em;overflow:auto;
            font-size:.85em}.wide{overflow:auto;max-height:85vh;margin:.6em 0}.wide table{margin:0}
            #client-table{font-size:.8em}#client-table td,table.compact td{white-space:nowrap}.sig{font-weight:600}.muted{color:#888}
            footer{color:#888;font-size:.8em;margin-top:2em}
            """;

    static final String SCRIPT = """
            <script>
            (function () {
              function key(td) {
                var v = td.getAttribute('data-value');
                if (v !== null && v !== '' && !isNaN(Number(v))) { return Number(v); }
                return td.textContent.trim().toLowerCase();
              }
              document.querySelectorAll('table.sortable').forEach(function (table) {
                table.querySelectorAll('th').forEach(function (th, col) {
                  th.classList.add('sortable');
                  th.addEventListener('click', function () {
                    var body = table.tBodies[0];
                    var rows = Array.prototype.slice.call(body.rows);
                    var asc = th.getAttribute('data-order') !== 'asc';
                    rows.sort(function (a, b) {
                      var x = key(a.cells[col]), y = key(b.cells[col]);
                      return (x < y ? -1 : x > y ? 1 : 0) * (asc ? 1 : -1);
                    });
                    th.setAttribute('data-order', asc ? 'asc' : 'desc');
                    rows.forEach(function (r) { body.appendChild(r); });
                  });
                });
              });
              var charts = document.querySelectorAll('figure.chart img');
              document.documentElement.setAttribute('data-rendered', 'ok');
              document.documentElement.setAttribute('data-charts', String(charts.length));
            })();
            </script>
            """;

    static String head(String title) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:;"
                + " style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n"
                + "<title>" + Html.esc(title) + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n";
    }

    static String tail(String generator) {
        return "<footer>" + Html.esc(generator) + "</footer>\n" + SCRIPT + "</body>\n</html>\n";
    }
}
