/* Workload W in C over libcsv (from ../shared/bench/c_audit.c), printing the one output
   every peer prints (peers/w_output.py): cc -O2 -o c_w c_w.c -lcsv -lm
   libcsv: full audit workload W.
   - selection rate (outcome==favorable) per sex, per ethnicity, per sex x ethnicity
   - impact ratio = rate / max rate within each grouping
   - score n/mean/std/min/max per sex
   - rows lacking human review (human_reviewed != "true"), and adverse ones among them
   Columns: outcome=4 score=5 human_reviewed=8 sex=14 ethnicity=16 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <fcntl.h>
#include <unistd.h>
#define MAXV 64
typedef struct { int n; size_t len[MAXV]; char val[MAXV][64]; } dict;
static int intern(dict *d, const char *s, size_t len) {
  for (int i = 0; i < d->n; i++) if (d->len[i] == len && memcmp(d->val[i], s, len) == 0) return i;
  if (d->n == MAXV || len >= 64) return MAXV - 1;
  memcpy(d->val[d->n], s, len); d->val[d->n][len] = 0; d->len[d->n] = len; return d->n++;
}
struct st {
  int col; size_t row; int sex, eth, fav, reviewed; double score;
  dict dsex, deth;
  size_t n[MAXV][MAXV], f[MAXV][MAXV];
  double ssum[MAXV], ssq[MAXV], smin[MAXV], smax[MAXV]; size_t sn[MAXV];
  size_t unrev, unrev_adverse;
};
static void cb1(void *sv, size_t len, void *dd) {
  struct st *d = dd; const char *s = sv;
  if (d->row > 0) switch (d->col) {
    case 4: d->fav = (len == 9 && memcmp(s, "favorable", 9) == 0); break;
    case 5: { char tmp[64]; size_t l = len < 63 ? len : 63; memcpy(tmp, s, l); tmp[l] = 0;
              d->score = l ? strtod(tmp, NULL) : NAN; break; }
    case 8: d->reviewed = (len == 4 && memcmp(s, "true", 4) == 0); break;
    case 14: d->sex = intern(&d->dsex, s, len); break;
    case 16: d->eth = intern(&d->deth, s, len); break;
  }
  d->col++;
}
static void cb2(int c, void *dd) {
  (void)c; struct st *d = dd;
  if (d->row > 0) {
    d->n[d->sex][d->eth]++; d->f[d->sex][d->eth] += d->fav;
    if (!isnan(d->score)) { int g = d->sex; double x = d->score;
      if (d->sn[g] == 0 || x < d->smin[g]) d->smin[g] = x;
      if (d->sn[g] == 0 || x > d->smax[g]) d->smax[g] = x;
      d->sn[g]++; d->ssum[g] += x; d->ssq[g] += x * x; }
    if (!d->reviewed) { d->unrev++; if (!d->fav) d->unrev_adverse++; }
  }
  d->row++; d->col = 0;
}
static void json_string(const char *s) {
  putchar('"');
  for (; *s; s++) { unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\') printf("\\%c", c); else if (c < 0x20) printf("\\u%04x", c); else putchar(c); }
  putchar('"');
}
int main(int argc, char **argv) {
  if (argc < 2) return 2;
  int fd = open(argv[1], O_RDONLY); if (fd < 0) { perror("open"); return 1; }
  struct csv_parser p; csv_init(&p, CSV_STRICT);
  static char buf[1 << 20]; ssize_t r; static struct st s;
  while ((r = read(fd, buf, sizeof buf)) > 0)
    if (csv_parse(&p, buf, (size_t)r, cb1, cb2, &s) != (size_t)r) { fprintf(stderr, "parse error\n"); return 1; }
  csv_fini(&p, cb1, cb2, &s); csv_free(&p); close(fd);
  int ns = s.dsex.n, ne = s.deth.n;
  /* JSON in peers/w_output.py's shape, keys sorted as Python's json.dumps sorts them. */
  printf("{\"groups\": {\"ethnicity\": {");
  int first = 1;
  for (int j = 0; j < ne; j++) { size_t n = 0, f = 0; for (int i = 0; i < ns; i++) { n += s.n[i][j]; f += s.f[i][j]; }
    if (n) { printf("%s", first ? "" : ", "); json_string(s.deth.val[j]); printf(": [%zu, %zu]", n, f); first = 0; } }
  printf("}, \"sex\": {"); first = 1;
  for (int i = 0; i < ns; i++) { size_t n = 0, f = 0; for (int j = 0; j < ne; j++) { n += s.n[i][j]; f += s.f[i][j]; }
    if (n) { printf("%s", first ? "" : ", "); json_string(s.dsex.val[i]); printf(": [%zu, %zu]", n, f); first = 0; } }
  printf("}, \"sex \\u00d7 ethnicity\": {"); first = 1;
  for (int i = 0; i < ns; i++) for (int j = 0; j < ne; j++) if (s.n[i][j]) {
    char name[160]; snprintf(name, sizeof name, "%s \xc3\x97 %s", s.dsex.val[i], s.deth.val[j]);
    printf("%s", first ? "" : ", "); json_string(name); printf(": [%zu, %zu]", s.n[i][j], s.f[i][j]); first = 0; }
  printf("}}, \"rows\": %zu, \"scores_by_sex\": {", s.row - 1); first = 1;
  for (int i = 0; i < ns; i++) if (s.sn[i]) { double m = s.ssum[i] / s.sn[i];
    double sd = sqrt((s.ssq[i] - s.sn[i] * m * m) / (s.sn[i] - 1));
    printf("%s", first ? "" : ", "); json_string(s.dsex.val[i]);
    printf(": [%zu, %.17g, %.17g, %.17g, %.17g]", s.sn[i], m, sd, s.smin[i], s.smax[i]); first = 0; }
  printf("}, \"unreviewed\": %zu, \"unreviewed_adverse\": %zu}\n", s.unrev, s.unrev_adverse);
  return 0;
}
