<?php
// HotCRP's own settings self-check (Banal_SettingParser::check_banal in
// src/settings/s_banal.php), run as HotCRP runs it when a chair turns a
// format check on: the configured banalCommand on etc/sample.pdf with the
// specs "letter;2;;6.5inx9in;12;14" (must be ok, no problem) and
// "a4;1;;3inx3in;14;15" (must be an error in all five fields).
// Usage: php hotcrp_selfcheck.php HOTCRP_DIR [BANALCOMMAND] (tests/e2e/hotcrp.sh)
// Exit 0 when HotCRP finds nothing unexpected, 1 otherwise.
$root = realpath($argv[1]);
chdir($root);
require_once("$root/src/init.php");
$conf = initialize_conf("$root/test/options.php");
if (isset($argv[2])) {
    $conf->set_opt("banalCommand", $argv[2]);
}
$doc = DocumentInfo::make_content_file($conf, SiteLoader::resolve("etc/sample.pdf"), "application/pdf");
$cf = new CheckFormat($conf, CheckFormat::RUN_ALWAYS);
$printed = "";
foreach (["letter;2;;6.5inx9in;12;14", "a4;1;;3inx3in;14;15"] as $spec) {
    $cf->check_document($doc, $spec);
    $printed = $printed ? : trim($cf->banal_run->stdout ?? "");
    $status = !$cf->check_ok() ? "failed" : ($cf->has_error() ? "error" : ($cf->has_problem() ? "warning" : "ok"));
    fwrite(STDOUT, "$spec: $status [" . join(",", $cf->problem_fields()) . "]\n");
}
fwrite(STDOUT, "checker printed: " . substr($printed, 0, 160) . "\n");
$parser = new Banal_SettingParser;
$check = new ReflectionMethod($parser, "check_banal");
$check->setAccessible(true);
$sv = new SettingValues($conf->root_user());
$check->invoke($parser, $sv);
$text = $sv->full_feedback_text();
if (strpos($text, "unexpected results") !== false) {
    fwrite(STDOUT, "self-check: " . trim(strip_tags($text)) . "\n");
    exit(1);
}
fwrite(STDOUT, "self-check: no problem\n");
exit(0);
