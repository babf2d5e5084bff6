#!/usr/bin/env bash
# `make test-slurm`: scripts/sweep-array.sbatch and its merge recipe on a real, private,
# one-node SLURM cluster. Needs root (or sudo) for the Debian packages, which it installs when
# missing (munge slurmctld slurmd slurm-client). Everything else lives under one temporary
# directory: a munged and a slurmctld/slurmd pair listening on loopback only, their state, logs
# and the sweeps' outputs. Every daemon it starts is stopped by PID on exit.
#
# Checked: an analytic sweep as two strided arrays (0-based --array=0-2:2 and --array=1-3:2);
# a Monte Carlo sweep whose tasks are preempted (PreemptMode=REQUEUE by a higher-priority
# partition), requeued (scontrol requeue) and killed (SIGKILL, no checkpoint); the afterany merge
# refusing the incomplete set; the killed shard rerun alone (--array=i) and merged. Every merged
# output file must equal, byte for byte, what one unsharded run writes.
#
# usage: scripts/test-slurm.sh PATH/TO/cchsim
set -euo pipefail
binary=$(realpath "${1:?usage: test-slurm.sh PATH/TO/cchsim}")
repo=$(cd "$(dirname "$0")/.." && pwd)
started=$(date +%s)
say() { echo "test-slurm [$(( $(date +%s) - started ))s] $*"; }
fail() { echo "test-slurm: FAILED: $*" >&2; exit 1; }

# --- packages ---------------------------------------------------------------------------------
sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
missing=""
for p in munge slurmctld slurmd slurm-client; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  say "installing$missing"
  $sudo apt-get update -qq
  # policy-rc.d 101: the packages' own service scripts must not start system daemons.
  DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
[ "$(id -u)" = 0 ] || fail "the cluster's daemons run as root here; run as root (CI does)"

# --- private state, stopped on exit ----------------------------------------------------------
tmp=$(mktemp -d /tmp/cchsim-slurm.XXXXXX)
chmod 755 "$tmp"
pids=()
cleanup() {
  local status=$?
  # Jobs of this private cluster still running (a failed check): cancel them before the daemons go.
  if [ -n "${SLURM_CONF:-}" ] && [ "${#pids[@]}" -ge 2 ]; then
    squeue -h -o '%A' 2>/dev/null | sort -u | xargs -r scancel --full 2>/dev/null || true
    for _ in $(seq 50); do squeue -h 2>/dev/null | grep -q . || break; sleep 0.1; done
  fi
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ "$status" != 0 ]; then
    for f in "$tmp"/log/*.log; do echo "--- $f (last lines)"; tail -n 15 "$f"; done >&2 || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A free loopback TCP port: nothing answers a connection to it.
free_port() {
  local port
  for port in $(shuf -i 20000-59999 -n 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  fail "no free loopback port"
}
# Waits for a PID file to name a live process; records it for cleanup.
adopt() {
  local file=$1 what=$2
  for _ in $(seq 100); do
    if [ -s "$file" ] && kill -0 "$(cat "$file")" 2>/dev/null; then pids+=("$(cat "$file")"); return; fi
    sleep 0.1
  done
  fail "$what did not start"
}

mkdir -p "$tmp/munge" "$tmp/log" "$tmp/ctld" "$tmp/spool" "$tmp/bin" "$tmp/work"
chmod 711 "$tmp/munge"                       # munged requires its socket directory 0711-like
dd if=/dev/urandom of="$tmp/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$tmp/munge/munge.key"
munged --force --socket="$tmp/munge/munge.socket" --key-file="$tmp/munge/munge.key" \
  --pid-file="$tmp/munge/munged.pid" --log-file="$tmp/log/munged.log" --seed-file="$tmp/munge/munged.seed"
adopt "$tmp/munge/munged.pid" munged

host=$(hostname -s)
ctld_port=$(free_port); slurmd_port=$(free_port)
[ "$ctld_port" != "$slurmd_port" ] || slurmd_port=$(free_port)
export SLURM_CONF="$tmp/slurm.conf"
cat >"$SLURM_CONF" <<EOF
ClusterName=cchsim-test
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$tmp/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$tmp/ctld
SlurmdSpoolDir=$tmp/spool
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/log/slurmctld.log
SlurmdLogFile=$tmp/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SlurmdParameters=config_overrides
SchedulerType=sched/backfill
SchedulerParameters=defer_batch
MpiDefault=none
ReturnToService=2
MinJobAge=600
KillWait=10
PreemptType=preempt/partition_prio
PreemptMode=REQUEUE
NodeName=$host NodeAddr=127.0.0.1 NodeHostname=$host CPUs=2 RealMemory=1000 State=UNKNOWN
PartitionName=low Nodes=$host Default=YES PriorityTier=1 PreemptMode=REQUEUE MaxTime=INFINITE State=UP
PartitionName=high Nodes=$host PriorityTier=2 PreemptMode=OFF MaxTime=INFINITE State=UP
EOF
slurmctld -i -f "$SLURM_CONF"
adopt "$tmp/slurmctld.pid" slurmctld
slurmd -f "$SLURM_CONF" -N "$host"
adopt "$tmp/slurmd.pid" slurmd
for _ in $(seq 100); do
  sinfo -h -N -o '%t' 2>/dev/null | grep -qE '^(idle|mix|alloc)' && break; sleep 0.2
done
sinfo -h -N -o '%t' | grep -qE '^(idle|mix|alloc)' || fail "the node did not come up: $(sinfo -N 2>&1)"
say "cluster up (slurmctld :$ctld_port, slurmd :$slurmd_port on 127.0.0.1)"

# --- the recipe's view: cchsim on PATH, scenarios, the reference run ---------------------------
ln -s "$binary" "$tmp/bin/cchsim"
export PATH="$tmp/bin:$PATH"
sbatch_script="$repo/scripts/sweep-array.sbatch"
cd "$tmp/work"
cat >analytic.toml <<'EOF'
name = "analytic"
seed = 7
[model]
kind = "correlations"
rho_ts = 0.6
rho_sy = 0.4
rho_ty = 0.5
[student]
n = 50
[sweep]
"model.rho_ts" = { from = -0.9, to = 0.9, steps = 25 }
"model.rho_sy" = { from = -0.9, to = 0.9, steps = 25 }
EOF
cat >mc.toml <<'EOF'
name = "mc"
seed = 11
[model]
kind = "correlations"
rho_ts = 0.6
rho_sy = 0.4
rho_ty = 0.5
[teacher]
fit = "ols"
n = 40
[student]
n = 30
lambda = 0.5
[monte_carlo]
trials = 6000000
[sweep]
"model.rho_ts" = { from = 0.1, to = 0.8, steps = 16 }
EOF
for s in analytic mc; do cchsim run "$s.toml" --out "ref-$s" --threads 2 >/dev/null; done
say "reference runs written"

state() { squeue -h -j "$1" -o '%T' 2>/dev/null | sort | uniq -c | tr '\n' ' '; }
# Waits until no task of the given jobs is pending or running (squeue forgets nothing: MinJobAge).
wait_done() {
  local deadline=$(( $(date +%s) + $2 ))
  while squeue -h -j "$1" -t PENDING,RUNNING,CONFIGURING,COMPLETING,REQUEUED,SUSPENDED 2>/dev/null | grep -q .; do
    [ "$(date +%s)" -lt "$deadline" ] || fail "jobs $1 still not done: $(squeue -j "$1" 2>&1)"
    release_held "$1"
    sleep 0.5
  done
}
# Slurm holds a requeued task (BeginTime about two minutes ahead): start it now instead.
release_held() {
  squeue -h -j "$1" -t PENDING -o '%i %r' 2>/dev/null | while read -r id reason; do
    case $reason in BeginTime) scontrol update JobId="$id" StartTime=now >/dev/null 2>&1 || true ;; esac
  done
}
job_state() { scontrol show job "$1" 2>/dev/null | sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p' | head -n 1; }
# Every file one unsharded run wrote equals the merged one byte for byte; in the metadata only
# the "timings" and "run" blocks (seconds, threads, merge facts) may differ.
same_outputs() {
  local ref=$1 dir=$2 f n=0
  for f in "$ref"/*; do
    case $f in
      *.meta.json) cmp -s <(without_timings "$f") <(without_timings "$dir/${f##*/}") ;;
      *) cmp -s "$f" "$dir/${f##*/}" ;;
    esac || fail "$dir/${f##*/} differs from one run's $f"
    n=$((n + 1))
  done
  say "$dir: $n files identical to one run's: $(cd "$ref" && echo *)"
}
without_timings() { sed -e '/^  "timings": {/,/^  }/d' -e '/^  "run": {/,/^  }/d' "$1"; }

# --- analytic sweep: 0-based and strided arrays, afterany merge ------------------------------
a1=$(sbatch --parsable --array=0-2:2 "$sbatch_script" analytic.toml out-analytic 4)
a2=$(sbatch --parsable --array=1-3:2 "$sbatch_script" analytic.toml out-analytic 4)
am=$(sbatch --parsable --dependency="afterany:$a1:$a2" -o merge-analytic.log \
  --wrap "cchsim merge out-analytic/analytic.shard-*-of-4.csv")
wait_done "$a1,$a2,$am" 60
[ "$(job_state "$am")" = COMPLETED ] || fail "analytic merge: $(job_state "$am"); $(cat merge-analytic.log)"
same_outputs ref-analytic out-analytic

# --- Monte Carlo sweep: preempt, requeue, kill; merge refuses; rerun the killed shard ---------
m=$(sbatch --parsable --array=1-4 "$sbatch_script" mc.toml out-mc 4)
mm=$(sbatch --parsable --dependency="afterany:$m" -o merge-mc.log \
  --wrap "cchsim merge out-mc/mc.shard-*-of-4.csv")
# Both CPUs busy with tasks 1 and 2 (3 and 4 pending): wait for their first checkpoint.
running_ids() { squeue -h -j "$m" -t RUNNING -o '%i'; }
for _ in $(seq 200); do
  [ "$(running_ids | wc -l)" = 2 ] && ls out-mc/.*.checkpoint.json >/dev/null 2>&1 && break; sleep 0.2
done
[ "$(running_ids | wc -l)" = 2 ] || fail "Monte Carlo tasks did not start: $(squeue -j "$m" 2>&1)"
read -r first second <<<"$(running_ids | tr '\n' ' ')"
# Preemption: a two-CPU job in the higher-tier partition requeues both running tasks.
hp=$(sbatch --parsable -p high -c 2 -o /dev/null --wrap "sleep 2")
for _ in $(seq 100); do [ "$(job_state "$hp")" = RUNNING ] || [ "$(job_state "$hp")" = COMPLETED ] && break; sleep 0.2; done
for t in "$first" "$second"; do
  scontrol show job "$t" | grep -q 'Restarts=[1-9]' || fail "task $t was not requeued by the preemption: $(scontrol show job "$t" | head -n 5)"
done
say "preempted $first and $second by job $hp ($(job_state "$hp"))"
wait_done "$hp" 30
# Requeue one task while it runs, kill another with SIGKILL (no checkpoint, no graceful exit).
for _ in $(seq 300); do release_held "$m"; [ "$(running_ids | wc -l)" -ge 2 ] && break; sleep 0.2; done
read -r victim_requeue victim_kill <<<"$(running_ids | tr '\n' ' ')"
[ -n "$victim_kill" ] || fail "fewer than two tasks running after the preemption: $(squeue -j "$m" 2>&1)"
scontrol requeue "$victim_requeue"
scancel --signal=KILL --full "$victim_kill"
say "requeued $victim_requeue, killed $victim_kill"
wait_done "$m,$mm" 120
[ "$(job_state "$mm")" = FAILED ] || fail "the merge of an incomplete set should fail, it is $(job_state "$mm")"
grep -q "missing shard" merge-mc.log || fail "merge-mc.log does not name the missing shard: $(cat merge-mc.log)"
killed_shard=${victim_kill#*_}
say "merge refused the incomplete set: $(grep -o 'missing shard[^(]*' merge-mc.log | head -n 1)"
# The logs beside the outputs kept every attempt: Slurm's TERM, cchsim's checkpoint line, the rerun.
logs=(out-mc/mc.shard-*-of-4.log)
grep -q "SIGTERM" "${logs[@]}" || fail "no preemption line kept in the shard logs"
grep -q "interrupted after" "${logs[@]}" || fail "no 'interrupted after k of m' line kept in the shard logs"
grep -q "(restart 1)" "${logs[@]}" || fail "no requeued attempt appended to the shard logs"
# Rerun the killed shard alone; it resumes from its last checkpoint; merge again.
r=$(sbatch --parsable --array="$killed_shard" "$sbatch_script" mc.toml out-mc 4)
mm2=$(sbatch --parsable --dependency="afterany:$r" -o merge-mc2.log \
  --wrap "cchsim merge out-mc/mc.shard-*-of-4.csv")
wait_done "$r,$mm2" 90
[ "$(job_state "$mm2")" = COMPLETED ] || fail "Monte Carlo merge: $(job_state "$mm2"); $(cat merge-mc2.log)"
same_outputs ref-mc out-mc
say "passed"
