# IAM roles of Lambda logging example, exported by IAM Role Designer.
terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }
}

resource "aws_iam_role" "LambdaLogWriter" {
  name                 = "LambdaLogWriter"
  path                 = "/service-role/"
  description          = "Execution role of a Lambda function that writes its logs to my-log-bucket"
  max_session_duration = 3600
  assume_role_policy = jsonencode({
    "Version" = "2012-10-17"
    "Statement" = [
      {
        "Effect" = "Allow"
        "Principal" = {
          "Service" = "lambda.amazonaws.com"
        }
        "Action" = "sts:AssumeRole"
        "Condition" = {
          "StringEquals" = {
            "aws:SourceAccount" = "111122223333"
          }
        }
      },
    ]
  })
}

resource "aws_iam_role_policy" "LambdaLogWriter_WriteLogs" {
  name = "WriteLogs"
  role = aws_iam_role.LambdaLogWriter.name
  policy = jsonencode({
    "Version" = "2012-10-17"
    "Statement" = [
      {
        "Sid"      = "PutLogObjects"
        "Effect"   = "Allow"
        "Action"   = "s3:PutObject"
        "Resource" = "arn:aws:s3:::my-log-bucket/*"
      },
    ]
  })
}
