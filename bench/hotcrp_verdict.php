<?php
// HotCRP's own verdict on a format checker's JSON: CheckFormat and
// Default_FormatChecker from the HotCRP tree judge JSONFILE against SPEC
// (HotCRP's spec string, e.g. "letter;5-6;2;7inx9in;9;10.5"), as a
// submission page would, without a database (the JSON is given to the
// document as its cached banal result). Used by bench/bench_banal.sh.
// Usage: php hotcrp_verdict.php HOTCRP_DIR JSONFILE SPEC
// Prints one line: problem fields (or "none"), "error"/"ok", pages, body pages.
$root = realpath($argv[1]);
chdir($root);
require_once("$root/src/init.php");
global $Opt;
$Opt = ["dbName" => "bench_none", "loaded" => true];
$conf = new Conf($Opt, false);
Conf::$main = $conf;
$doc = DocumentInfo::make_content_file($conf, "$root/etc/sample.pdf", "application/pdf");
$doc->set_prop("banal", json_decode(file_get_contents($argv[2])));
$cf = new CheckFormat($conf, CheckFormat::RUN_NEVER);
$cf->check_document($doc, $argv[3]);
$fields = array_values(array_diff($cf->problem_fields(), ["error"]));
printf("%s %s pages=%s body=%s\n", $fields ? join(",", $fields) : "none",
       $cf->has_error() ? "error" : "ok", $cf->npages ?? "-", $cf->body_pages ?? "-");
