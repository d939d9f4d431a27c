/*
 * The kernel's floor for a connection-table snapshot: the same sock_diag dumps our
 * netlink source asks for (TCP v4/v6 with TCP_INFO, UDP v4/v6, Unix with name, peer and
 * queue lengths), read with plain recv() into one buffer, each message's fixed fields
 * touched and counted, nothing printed per socket. No owners: a warm poll takes them from
 * its cache, so this is what the warm poll cannot go below.
 *
 *   sock-diag-dump ROUNDS [INTERVAL_MS]
 * Runs ROUNDS snapshots, INTERVAL_MS apart (0 = back to back), and prints one JSON line:
 * the sockets seen, each snapshot's wall time in ms, and the process's CPU seconds.
 * Bounded: ROUNDS is capped at 100000.
 */
#include <errno.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define RECV_BYTES (256 * 1024)
#define MAX_ROUNDS 100000

static char buf[RECV_BYTES];
static unsigned long checksum;

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Sends one dump request and reads until NLMSG_DONE; returns the sockets seen or -1. */
static long dump(int fd, void *req, size_t len, int is_unix) {
  if (send(fd, req, len, 0) < 0) return -1;
  long count = 0;
  for (;;) {
    ssize_t n = recv(fd, buf, sizeof buf, 0);
    if (n < 0) return -1;
    for (struct nlmsghdr *h = (struct nlmsghdr *)buf; NLMSG_OK(h, n); h = NLMSG_NEXT(h, n)) {
      if (h->nlmsg_type == NLMSG_DONE) return count;
      if (h->nlmsg_type == NLMSG_ERROR) return -1;
      if (is_unix) {
        struct unix_diag_msg *m = NLMSG_DATA(h);
        checksum += m->udiag_ino + m->udiag_state;
      } else {
        struct inet_diag_msg *m = NLMSG_DATA(h);
        checksum += m->idiag_inode + m->idiag_state + m->id.idiag_sport + m->idiag_rqueue;
      }
      count++;
    }
  }
}

static long snapshot(int fd, unsigned *seq) {
  long total = 0;
  const int inet[4][2] = {
      {AF_INET, IPPROTO_TCP}, {AF_INET6, IPPROTO_TCP}, {AF_INET, IPPROTO_UDP}, {AF_INET6, IPPROTO_UDP}};
  for (int i = 0; i < 4; i++) {
    struct {
      struct nlmsghdr h;
      struct inet_diag_req_v2 r;
    } req;
    memset(&req, 0, sizeof req);
    req.h.nlmsg_len = sizeof req;
    req.h.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    req.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    req.h.nlmsg_seq = (*seq)++;
    req.r.sdiag_family = inet[i][0];
    req.r.sdiag_protocol = inet[i][1];
    req.r.idiag_states = ~0u;
    if (inet[i][1] == IPPROTO_TCP) req.r.idiag_ext = 1 << (INET_DIAG_INFO - 1);
    long n = dump(fd, &req, sizeof req, 0);
    if (n < 0) return -1;
    total += n;
  }
  struct {
    struct nlmsghdr h;
    struct unix_diag_req r;
  } ureq;
  memset(&ureq, 0, sizeof ureq);
  ureq.h.nlmsg_len = sizeof ureq;
  ureq.h.nlmsg_type = SOCK_DIAG_BY_FAMILY;
  ureq.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
  ureq.h.nlmsg_seq = (*seq)++;
  ureq.r.sdiag_family = AF_UNIX;
  ureq.r.udiag_states = ~0u;
  ureq.r.udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER | UDIAG_SHOW_RQLEN;
  long n = dump(fd, &ureq, sizeof ureq, 1);
  return n < 0 ? -1 : total + n;
}

int main(int argc, char **argv) {
  long rounds = argc > 1 ? atol(argv[1]) : 1;
  long interval = argc > 2 ? atol(argv[2]) : 0;
  if (rounds < 1 || rounds > MAX_ROUNDS || interval < 0 || interval > 60000) {
    fprintf(stderr, "usage: sock-diag-dump ROUNDS(1-%d) [INTERVAL_MS(0-60000)]\n", MAX_ROUNDS);
    return 2;
  }
  unsigned seq = 1;
  long sockets = 0;
  printf("{\"ms\":[");
  for (long r = 0; r < rounds; r++) {
    double t0 = now_ms();
    /* A new socket each snapshot, as our source opens one per poll. */
    int fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
    if (fd < 0) return perror("socket"), 1;
    sockets = snapshot(fd, &seq);
    close(fd);
    if (sockets < 0) return fprintf(stderr, "dump failed: %s\n", strerror(errno)), 1;
    printf("%s%.3f", r ? "," : "", now_ms() - t0);
    if (interval > 0 && r + 1 < rounds) usleep(interval * 1000);
  }
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  double cpu = ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
  printf("],\"sockets\":%ld,\"cpuSeconds\":%.4f,\"checksum\":%lu}\n", sockets, cpu, checksum);
  return 0;
}
