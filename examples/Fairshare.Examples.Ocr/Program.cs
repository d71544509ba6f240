using Fairshare.Examples.Ocr;

return OcrApp.Run(args, Console.Out, Console.Error);
