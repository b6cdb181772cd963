#!/usr/bin/perl
# Reads what run-hostile.sh recorded for each case and prints the Markdown table and the
# verdict; the last line is the summary run-hostile.sh checks.
#   hostile-table.pl OUTDIR ID...
# Environment: VALIDATE_ONLY (1: no kiosk runs), MAX_RSS_MIB, ELAPSED (seconds, for the summary).
use strict;
use warnings;
use Encode qw(decode FB_QUIET);

my ($out, @ids) = @ARGV;
my $validate_only = $ENV{VALIDATE_ONLY} // 0;
my $max_rss_mib = $ENV{MAX_RSS_MIB} // 1024;

my %case;
open my $m, '<:raw', "$out/manifest.tsv" or die "$out/manifest.tsv: $!";
while (<$m>) {
  chomp;
  next if /^#/;
  my ($id, $desc, $expect, $pattern, $file, $line, $flags) = split /\t/;
  $case{$id} = { desc => $desc, expect => $expect, pattern => $pattern, file => $file, line => $line, flags => $flags };
}

sub slurp {
  my ($f) = @_;
  open my $h, '<:raw', $f or return undef;
  local $/;
  my $s = <$h>;
  return $s;
}

# Bytes as text a person can read in a table: invalid UTF-8 as \xNN, control, bidi and
# invisible characters as \xNN or \u{NNNN}, cut to $max characters.
sub printable {
  my ($bytes, $max) = @_;
  my $s = '';
  while (length $bytes) {
    my $chunk = decode('UTF-8', $bytes, FB_QUIET);
    $s .= $chunk;
    last unless length $bytes;
    $s .= sprintf '\\x%02x', ord substr($bytes, 0, 1, '');
  }
  $s =~ s/([\x00-\x1f\x7f])/sprintf '\\x%02x', ord $1/ge;
  $s =~ s/([\x{80}-\x{9f}\x{200b}-\x{200f}\x{202a}-\x{202e}\x{2066}-\x{2069}\x{feff}])/sprintf '\\u{%04x}', ord $1/ge;
  $s = substr($s, 0, $max - 1) . "\x{2026}" if defined $max && length $s > $max;
  return $s;
}

sub cell {
  my ($s) = @_;
  $s =~ s/\|/\\|/g;
  $s =~ s/</&lt;/g;
  $s =~ s/>/&gt;/g;
  utf8::encode($s);
  return $s;
}

# What raw bytes in the output would do on a staff member's terminal or in a log viewer.
sub raw_problems {
  my ($bytes) = @_;
  my @p;
  push @p, 'raw control characters' if $bytes =~ /[\x00-\x08\x0b-\x1f\x7f]/ || $bytes =~ /\xc2[\x80-\x9f]/;
  push @p, 'raw bidi or invisible characters'
    if $bytes =~ /\xe2\x80[\x8b-\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]|\xef\xbb\xbf/;
  my $copy = $bytes;
  decode('UTF-8', $copy, FB_QUIET);
  push @p, 'bytes that are not UTF-8' if length $copy;
  return @p;
}

my $sanitizer = qr/ERROR: (?:Address|Leak|Memory|Thread)Sanitizer|runtime error:|SUMMARY: UndefinedBehaviorSanitizer/;
my %count = map { $_ => 0 } qw(cases expected missed skipped crashes hangs sanitizer exit file line raw memory pattern kiosk);
my @rows;
my @misses;

for my $id (@ids) {
  my $c = $case{$id} or die "no case $id in the manifest";
  $count{cases}++;
  my $what = cell(printable($c->{desc}, 120));
  if (-e "$out/results/$id.skipped") {
    my $note = slurp("$out/results/$id.skipped");
    chomp $note;
    $count{skipped}++;
    push @rows, "| $id | $what | $c->{expect} | — | " . cell($note) . " | — | — | — | skipped |";
    next;
  }
  my @why;
  my $res = slurp("$out/results/$id.validate.res") // "missing|0|0\n";
  chomp $res;
  my ($vstatus, $vsecs, $vrss) = split /\|/, $res;
  my $vout = slurp("$out/results/$id.validate.out") // '';
  my $vrss_mib = int($vrss / 1024 + 0.5);

  if ($vstatus =~ /^signal/) { $count{crashes}++; push @why, "validate crashed ($vstatus)"; }
  if ($vstatus eq 'hung') { $count{hangs}++; push @why, 'validate hung'; }
  if ($vout =~ $sanitizer) { $count{sanitizer}++; push @why, 'validate: sanitizer report'; }
  if ($vrss_mib > $max_rss_mib) { $count{memory}++; push @why, "validate used $vrss_mib MiB"; }

  # Diagnostic lines: "path[:line[:col]]: error|warning: message".
  my @diags;
  for my $l (split /\n/, $vout) {
    next unless $l =~ /^(.*?)(?::(\d+))?(?::(\d+))?: (error|warning): (.*)$/s;
    push @diags, { text => $l, path => $1, line => $2 // 0, sev => $4 };
  }
  my $expect = $c->{expect};
  my $want = $expect eq 'error' ? 'error' : $expect eq 'warn' ? 'warning' : undef;
  my $exit_ok = $expect eq 'error' ? $vstatus =~ /^exit [12]$/ : $vstatus eq 'exit 0';
  if (!$exit_ok && $vstatus =~ /^exit/) { $count{exit}++; push @why, "validate $vstatus, expected " . ($expect eq 'error' ? 'not 0' : '0'); }
  if ($expect eq 'clean' && @diags) { push @why, 'validate warned (expected no warning)'; }

  my ($names_file, $names_line, $shown) = ('n/a', 'n/a', undef);
  if ($want) {
    my @sev = grep { $_->{sev} eq $want } @diags;
    my $file = $c->{file};
    my @relevant = $file eq '-' ? @sev : grep { index($_->{path}, "$id/$file") >= 0 } @sev;
    my $line = $c->{line};
    my $at_line = sub { $line eq 'any' ? $_[0]{line} > 0 : $_[0]{line} == $line };
    my @matching = grep { $_->{text} =~ /$c->{pattern}/ } @relevant;
    if (!@sev) {
      push @why, "no $want";
    } else {
      if ($file ne '-') {
        $names_file = @relevant ? 'yes' : 'no';
        if (!@relevant) { $count{file}++; push @why, "no $want names $file"; }
      }
      if ($line ne '-' && @relevant) {
        $names_line = (grep { $at_line->($_) } @relevant) ? 'yes' : 'no';
        if ($names_line eq 'no') { $count{line}++; push @why, $line eq 'any' ? 'no line named' : "line $line not named"; }
      }
      if (@relevant && !@matching) { $count{pattern}++; push @why, "no $want matches /$c->{pattern}/"; }
    }
    ($shown) = (grep({ $line eq '-' || $at_line->($_) } @matching), @matching, @relevant, @sev);
  }
  ($shown) = grep { $_->{sev} eq 'error' } @diags unless $shown;
  ($shown) = @diags unless $shown;
  my $message = $shown ? $shown->{text} : (grep { /\S/ } split /\n/, $vout)[-1] // '';
  $message =~ s/^\Q$id\E\///;
  $message = '(no output)' if $message eq '';
  if (my @raw = raw_problems($vout)) { $count{raw}++; push @why, 'validate printed ' . join(' and ', @raw); }
  if ($c->{flags} =~ /(?:^|,)maxerrors=(\d+)/) {
    my $errors = grep { $_->{sev} eq 'error' } @diags;
    push @why, "$errors error lines (at most $1: a limit is said once)" if $errors > $1;
  }
  if ($c->{flags} =~ /(?:^|,)absent=([^,]+)/ && $vout =~ /$1/) { push @why, "the output shows '$1'"; }

  my $kcell = '—';
  if (!$validate_only) {
    my $kres = slurp("$out/results/$id.kiosk.res") // "missing|0|0\n";
    chomp $kres;
    my ($kstatus, $ksecs, $krss) = split /\|/, $kres;
    my $klog = slurp("$out/results/$id.kiosk.out") // '';
    my $krss_mib = int($krss / 1024 + 0.5);
    my $drew = -e "$out/runs/$id/home.png";
    my $item = -e "$out/runs/$id/item.png";
    my ($stop_line, $stop) = $klog =~ /nav\.kscript:(\d+): error: ([^\n]*)/;
    my $what_happened;
    if ($kstatus =~ /^signal (\d+)/) { $what_happened = "crashed (signal $1)"; $count{crashes}++; push @why, "kiosk crashed ($kstatus)"; }
    elsif ($kstatus eq 'hung') { $what_happened = 'hung'; $count{hangs}++; push @why, 'kiosk hung'; }
    elsif ($kstatus eq 'exit 0' || ($kstatus eq 'exit 1' && defined $stop_line)) {
      $what_happened = $drew ? ($item ? 'drew home and item' : "drew home; stopped at line $stop_line") : 'drew nothing';
    } else { $what_happened = $kstatus; }
    if ($kstatus =~ /^exit/ && !$drew) { $count{kiosk}++; push @why, "kiosk drew no home screen ($kstatus" . ($stop ? ': ' . printable($stop, 80) : '') . ')'; }
    elsif ($kstatus =~ /^exit/ && !($kstatus eq 'exit 0' || defined $stop_line)) { $count{kiosk}++; push @why, "kiosk $kstatus"; }
    if ($klog =~ $sanitizer) { $count{sanitizer}++; push @why, 'kiosk: sanitizer report'; }
    if ($klog =~ /this is a bug/) { $count{kiosk}++; push @why, 'kiosk logged a bug'; }
    if ($krss_mib > $max_rss_mib) { $count{memory}++; push @why, "kiosk used $krss_mib MiB"; }
    $kcell = "$what_happened, $ksecs s, $krss_mib MiB";
  }

  my $verdict;
  if (@why) {
    $count{missed}++;
    $verdict = '**no**: ' . join('; ', @why);
    push @misses, "- $id: " . join('; ', @why);
  } else {
    $count{expected}++;
    $verdict = 'yes';
  }
  my $vexit = $vstatus =~ /^exit (\d+)$/ ? $1 : $vstatus;
  push @rows, '| ' . join(' | ', $id, $what, $expect, "$vexit ($vsecs s, $vrss_mib MiB)", cell(printable($message, 100)),
                   $names_file, $names_line, $kcell, cell(printable($verdict, 400))) . ' |';
}

print "| case | what | expected | validate exit | validate message | names file? | names line? | kiosk | as expected? |\n";
print "|---|---|---|---|---|---|---|---|---|\n";
print "$_\n" for @rows;
print "\n";
if (@misses) {
  print "Not as expected:\n\n";
  for (@misses) { my $s = printable($_, 600); $s =~ s/</&lt;/g; $s =~ s/>/&gt;/g; utf8::encode($s); print "$s\n"; }
  print "\n";
}
my $elapsed = $ENV{ELAPSED} // 0;
print "hostile: $count{cases} cases, $count{expected} as expected, $count{missed} not as expected, $count{skipped} skipped; "
    . "crashes $count{crashes}, hangs $count{hangs}, sanitizer reports $count{sanitizer}, wrong exit statuses $count{exit}, "
    . "messages not naming the file $count{file}, not naming the line $count{line}, not matching the pattern $count{pattern}, "
    . "output with raw control or invisible characters $count{raw}, over memory $count{memory}, kiosk misbehaving $count{kiosk}; "
    . "${elapsed} s\n";
